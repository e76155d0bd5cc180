import DatadogCodegen
import Foundation

/// Generates an SDK from pages with a ``DocsChange`` applied and type-checks it.
public struct DocsChangeRun: Sendable {
    /// What one change produced.
    public struct Outcome: Sendable {
        /// The change (nil: the pages as they are).
        public var change: DocsChange?
        /// Pages and operations generated.
        public var pages: Int, operations: Int
        /// Error diagnostics of the generator, and the number of warnings.
        public var errors: [Diagnostic], warnings: Int
        /// Warnings that an operation is not generated (another page has its operationId).
        public var droppedOperations: [Diagnostic]
        /// Generated files.
        public var files: Int
        /// Modules that did not type-check (empty: all did).
        public var typeCheckFailures: [SDKTypeCheck.Failure]
        /// Seconds spent generating and type-checking.
        public var generateSeconds: Double, typeCheckSeconds: Double

        /// Whether the change generated without error and type-checked.
        public var passed: Bool { errors.isEmpty && typeCheckFailures.isEmpty }
    }

    /// The templates to render with.
    public var templates: URL
    /// The type checker (nil: generate only).
    public var typeCheck: SDKTypeCheck?

    /// A run with these templates and type checker.
    public init(templates: URL, typeCheck: SDKTypeCheck?) {
        self.templates = templates
        self.typeCheck = typeCheck
    }

    /// Reads every page under `folder` (relative path → text), as the generator lists them.
    public static func pages(in folder: URL, prefix: String = "") throws -> [String: String] {
        var pages: [String: String] = [:]
        for file in try Generator.pageFiles(in: folder) {
            pages[prefix + file] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
        }
        return pages
    }

    /// Writes pages (relative path → text) under `folder`.
    public static func write(_ pages: [String: String], to folder: URL) throws {
        for (path, text) in pages {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Applies `change` (none: the pages as they are), generates and type-checks. With `keep`,
    /// the changed pages are also written there.
    public func run(_ change: DocsChange?, on pages: [String: String], keep: URL? = nil) throws -> Outcome {
        let changed = change?.apply(to: pages) ?? pages
        if let keep { try Self.write(changed, to: keep) }
        let started = Date()
        let result = GenerateAction.generate(pages: changed, templates: try TemplateSet(directory: templates))
        let generated = Date()
        let failures = typeCheck?.check(result.files) ?? []
        return Outcome(
            change: change, pages: result.pageCount, operations: result.operationCount,
            errors: result.sdk.diagnostics.filter { $0.severity == .error }, warnings: result.warningCount,
            droppedOperations: result.sdk.diagnostics.filter { $0.severity == .warning && $0.message.contains("is not generated") },
            files: result.files.count, typeCheckFailures: failures,
            generateSeconds: generated.timeIntervalSince(started), typeCheckSeconds: Date().timeIntervalSince(generated))
    }
}
