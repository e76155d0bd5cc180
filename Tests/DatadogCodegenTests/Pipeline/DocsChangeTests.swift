@testable import DatadogCodegen
import DocsChanges
import Foundation
import XCTest

/// Docs changes (`DocsChange`) applied to real pages must generate without error and give an SDK
/// that type-checks against the built runtime: each change on `input/`, and all of them together
/// on a sample of `../shared` tags when that folder is there. The whole of `../shared`, one change
/// at a time, is `.ci/docs-changes` (figures in CONFORMANCE.md).
final class DocsChangeTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let input = root.appendingPathComponent("input")
    /// The hand-written edge-case pages: a second tag beside input/'s Status Pages, so that every
    /// change (tags merged included) has something to change.
    static let edgeCases = root.appendingPathComponent("Tests/Fixtures/EdgeCases/input")
    static let templates = root.appendingPathComponent("templates")
    /// Tags of `../shared` the test samples: small ones, v1 and v2, with paginated lists and merged tags.
    static let sharedSample = ["status-pages", "ip-allowlist", "dora-metrics", "snapshots"]

    func testNamesAreCappedStablyAndStayDistinct() {
        let long = String(repeating: "ConfigurationSettingsLevel", count: 20)
        let capped = Identifiers.capped(long)
        XCTAssertLessThanOrEqual(capped.utf8.count, Identifiers.maxNameBytes)
        XCTAssertEqual(capped, Identifiers.capped(long), "deterministic")
        XCTAssertEqual(Identifiers.capped(capped), capped, "idempotent")
        XCTAssertNotEqual(capped, Identifiers.capped(long + "X"), "names sharing a long start stay distinct")
        XCTAssertEqual(Identifiers.capped("Short"), "Short")
        XCTAssertEqual(capped.last.map { $0.isLetter }, true, "no trailing digit (that reads as a clash number)")
        XCTAssertLessThanOrEqual(Identifiers.lowerCamel(long).utf8.count, Identifiers.maxNameBytes)
        XCTAssertLessThanOrEqual(Identifiers.typeName(long).utf8.count, Identifiers.maxNameBytes)
    }

    /// A body nested 40 deep makes type names of over 1,000 bytes before capping: every file name
    /// fits in 255 bytes and the output is the same on a second run.
    func testDeeplyNestedPagesGiveFileNamesThatFit() throws {
        let pages = DocsChange.nestedDeep.apply(to: try DocsChangeRun.pages(in: Self.input))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in pages {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let options = Pipeline.Options(input: folder, templates: Self.templates)
        let first = try Pipeline.run(options)
        XCTAssertEqual(first.errorCount, 0, first.sdk.diagnostics.map(\.description).joined(separator: "\n"))
        let longest = first.files.keys.flatMap { $0.split(separator: "/") }.map(\.utf8.count).max() ?? 0
        XCTAssertLessThanOrEqual(longest, 255)
        XCTAssertTrue(first.files.keys.contains { $0.utf8.count > 190 }, "the chain does make long names")
        XCTAssertEqual(try Pipeline.run(options).files, first.files, "capped names are deterministic")
    }

    /// An initializer of thousands of parameters stalls or crashes the compiler: past the limit it
    /// takes the required properties only, and past it with those alone there is none.
    func testWideObjectsGetABoundedInitializer() throws {
        let limit = StructureModel.maxInitializerParameters
        func model(required: Int, optional: Int) -> StructureModel {
            let properties = (0..<(required + optional)).map {
                PropertyDecl(wireName: "f\($0)", name: "f\($0)", type: .string, required: $0 < required, deprecated: false, doc: "")
            }
            return StructureModel(TypeDecl(name: "Wide", kind: .structure, doc: "Wide.", source: SourceLocation(file: "p.md", line: 1),
                                           properties: properties))
        }
        let fits = model(required: 2, optional: limit - 2)
        XCTAssertTrue(fits.hasInitializer)
        XCTAssertEqual(fits.initParameters.count, limit)
        XCTAssertEqual(fits.doc.count, 1)

        let wide = model(required: 2, optional: limit)
        XCTAssertTrue(wide.hasInitializer)
        XCTAssertEqual(wide.initParameters, [ParameterModel(label: "f0", type: "String"), ParameterModel(label: "f1", type: "String")])
        XCTAssertEqual(wide.properties.map(\.initialized).prefix(3), [true, true, false])
        let rendered = try TemplateSet(directory: Self.templates).render(wide)
        XCTAssertTrue(rendered.contains("    public init(f0: String, f1: String, additionalProperties: [String: JSONValue] = [:]) {\n        self.f0 = f0\n        self.f1 = f1\n        self.f2 = nil\n"))
        XCTAssertTrue(wide.doc.joined().joined().contains("required properties only"))

        let tooManyRequired = model(required: limit + 1, optional: 0)
        XCTAssertFalse(tooManyRequired.hasInitializer)
        XCTAssertTrue(tooManyRequired.doc.joined().joined().contains("no memberwise initializer"))
    }

    /// The checker sees the runtime and reports what does not type-check, per module.
    func testTypeCheckFindsErrorsPerModule() throws {
        let checker = try SDKTypeCheck.locate(from: Bundle(for: Self.self).bundleURL)
        let failures = checker.check([
            "Good/A.swift": "import DatadogRuntime\npublic let value: JSONValue = .null\n",
            "Bad/B.swift": "import DatadogRuntime\nlet count: Int = \"three\"\n",
        ])
        XCTAssertEqual(failures.map(\.module), ["Bad"])
        XCTAssertTrue(failures.first?.errors.first?.contains("error:") == true, "\(failures)")
    }

    func testEachDocsChangeOnInputTypeChecks() throws {
        let run = DocsChangeRun(templates: Self.templates, typeCheck: try SDKTypeCheck.locate(from: Bundle(for: Self.self).bundleURL))
        let pages = try DocsChangeRun.pages(in: Self.input)
            .merging(try DocsChangeRun.pages(in: Self.edgeCases, prefix: "edge-cases/")) { first, _ in first }
        let unchanged = try run.run(nil, on: pages)
        XCTAssertEqual(unchanged.errors.map(\.description), [])
        XCTAssertGreaterThan(unchanged.operations, 20)
        for change in DocsChange.allCases {
            let changed = change.apply(to: pages)
            XCTAssertNotEqual(changed, pages, "\(change.rawValue) changes something")
            if change == .requiredAfterOptional, let page = changed["create-backfilled-degradation.md"] {
                let query = page.range(of: "#### Query Strings")?.lowerBound, path = page.range(of: "#### Path Parameters")?.lowerBound
                XCTAssertTrue(query != nil && path != nil && query! < path!, "optional query strings now come before the required path parameter")
            }
            let outcome = try run.run(change, on: pages)
            XCTAssertEqual(outcome.errors.map(\.description), [], change.rawValue)
            XCTAssertEqual(outcome.typeCheckFailures.map(\.description), [], change.rawValue)
            XCTAssertEqual(outcome.operations, unchanged.operations, change.rawValue)
        }
    }

    /// All changes at once on a few tags of `../shared` (CI time stays bounded).
    func testAllDocsChangesTogetherOnSharedSampleTypeCheck() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pages")
        let tags = Self.sharedSample.filter { FileManager.default.fileExists(atPath: shared.appendingPathComponent($0).path) }
        guard !tags.isEmpty else { throw XCTSkip("../shared/corpus/pages is absent: the docs changes run on input/ only") }
        var pages: [String: String] = [:]
        for tag in tags { pages.merge(try DocsChangeRun.pages(in: shared.appendingPathComponent(tag), prefix: tag + "/")) { $1 } }
        let changed = DocsChange.allCases.reduce(pages) { $1.apply(to: $0) }
        let run = DocsChangeRun(templates: Self.templates, typeCheck: try SDKTypeCheck.locate(from: Bundle(for: Self.self).bundleURL))
        let baseline = try run.run(nil, on: pages)
        let outcome = try run.run(nil, on: changed)
        XCTAssertEqual(outcome.errors.map(\.description), [])
        XCTAssertEqual(outcome.typeCheckFailures.map(\.description), [])
        XCTAssertEqual(outcome.operations, baseline.operations, "every operation is still generated")
    }

    /// Every format drift on `input/` and the edge cases: an accepted one gives the same code, a rejected
    /// one an error inside each page it changed; what is generated type-checks.
    func testEachFormatDriftOnInputIsAcceptedOrRejectedAsDeclared() throws {
        let pages = try DocsChangeRun.pages(in: Self.input)
            .merging(try DocsChangeRun.pages(in: Self.edgeCases, prefix: "edge-cases/")) { first, _ in first }
        let templates = try TemplateSet(directory: Self.templates)
        let baseline = GenerateAction.generate(pages: pages, templates: templates)
        let checker = try SDKTypeCheck.locate(from: Bundle(for: Self.self).bundleURL)
        XCTAssertEqual(checker.check(baseline.files).map(\.description), [], "the unchanged pages' SDK (the same code type-checks alike)")
        let run = FormatDriftRun(templates: templates, typeCheck: checker)
        for drift in FormatDrift.allCases {
            let outcome = run.run([drift], on: pages, baseline: baseline)
            XCTAssertGreaterThan(outcome.changedPages, drift == .deprecatedMarker ? -1 : 0, "\(drift.rawValue) changes something")
            XCTAssertTrue(outcome.passed, "\(drift.rawValue): \(outcome.errors.prefix(3)) \(outcome.differingFiles.prefix(3)) \(outcome.unlocatedPages.prefix(3)) \(outcome.typeCheckFailures)")
            if drift.verdict == .accepted { XCTAssertEqual(outcome.operations, baseline.operationCount, drift.rawValue) }
        }
    }

    /// All accepted format drifts at once on a few tags of `../shared`: the same code as the unchanged pages.
    func testAcceptedFormatDriftsTogetherOnSharedSampleGiveTheSameCode() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pages")
        let tags = Self.sharedSample.filter { FileManager.default.fileExists(atPath: shared.appendingPathComponent($0).path) }
        guard !tags.isEmpty else { throw XCTSkip("../shared/corpus/pages is absent: the format drifts run on input/ only") }
        var pages: [String: String] = [:]
        for tag in tags { pages.merge(try DocsChangeRun.pages(in: shared.appendingPathComponent(tag), prefix: tag + "/")) { $1 } }
        let templates = try TemplateSet(directory: Self.templates)
        let baseline = GenerateAction.generate(pages: pages, templates: templates)
        let outcome = FormatDriftRun(templates: templates, typeCheck: nil)
            .run(FormatDrift.allCases.filter { $0.verdict == .accepted }, on: pages, baseline: baseline)
        XCTAssertEqual(outcome.changedPages, pages.count)
        XCTAssertEqual(outcome.errors.map(\.description), [])
        XCTAssertEqual(outcome.differingFiles, [])
        XCTAssertEqual(outcome.operations, baseline.operationCount)
    }
}
