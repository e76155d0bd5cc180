import DatadogCodegen
import DocsChanges
import Foundation

/// Applies every docs change (``DocsChange``) to a folder of reference pages, generates the SDK
/// and type-checks it against the runtime built beside this executable. Prints one line per
/// change and exits non-zero when a change gives a generator error or an SDK that does not
/// type-check.
///
/// Usage: datadog-codegen-docs-changes <pages> [--change NAME]… [--no-typecheck]
@main
struct DocsChangesCommand {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var changes: [DocsChange] = []
        var typeCheck = true
        var keep: URL?
        while let index = arguments.firstIndex(where: { $0.hasPrefix("--") }) {
            let flag = arguments.remove(at: index)
            switch flag {
            case "--change":
                guard index < arguments.count, let change = DocsChange(rawValue: arguments.remove(at: index)) else {
                    fail("--change takes one of: " + DocsChange.allCases.map(\.rawValue).joined(separator: ", "))
                }
                changes.append(change)
            case "--no-typecheck": typeCheck = false
            case "--keep":
                guard index < arguments.count else { fail("--keep takes a folder") }
                keep = URL(fileURLWithPath: arguments.remove(at: index))
            default: fail("unknown option \(flag)")
            }
        }
        guard arguments.count == 1 else { fail("usage: datadog-codegen-docs-changes <pages> [--change NAME]… [--no-typecheck]") }
        if changes.isEmpty { changes = DocsChange.allCases }
        let pages = try DocsChangeRun.pages(in: URL(fileURLWithPath: arguments[0]))
        guard !pages.isEmpty else { fail("no pages (.md files) under \(arguments[0])") }
        let checker: SDKTypeCheck?
        do { checker = typeCheck ? try SDKTypeCheck.locate() : nil } catch { fail("\(error)") }
        let run = DocsChangeRun(templates: URL(fileURLWithPath: "templates"), typeCheck: checker)
        // The unchanged pages give the operation count to compare with; their SDK's build is `.ci/conformance`'s.
        let baseline = DocsChangeRun(templates: run.templates, typeCheck: nil)
        var failed = 0
        var baselineOperations: Int?
        print("docs changes on \(pages.count) pages of \(arguments[0])\(typeCheck ? "" : " (not type-checked)")")
        for change in [nil] + changes.map(Optional.some) {
            let outcome = try (change == nil ? baseline : run).run(change, on: pages, keep: keep?.appendingPathComponent(change?.rawValue ?? "unchanged"))
            if change == nil { baselineOperations = outcome.operations }
            let lost = (baselineOperations ?? 0) - outcome.operations
            let passed = outcome.passed && lost <= 0
            if !passed { failed += 1 }
            let verdict = passed ? "ok" : lost > 0 ? "FAILED (\(lost) operations lost)" : "FAILED"
            print(String(format: "%-26@ %@: %d pages, %d operations, %d files, %d errors, %d warnings, %@, generate %.1f s, type-check %.1f s",
                         change?.rawValue ?? "(unchanged)", verdict, outcome.pages, outcome.operations, outcome.files,
                         outcome.errors.count, outcome.warnings,
                         !typeCheck || change == nil ? "not type-checked" : outcome.typeCheckFailures.isEmpty ? "type-checks" : "\(outcome.typeCheckFailures.count) modules fail to type-check",
                         outcome.generateSeconds, outcome.typeCheckSeconds))
            for error in outcome.errors.prefix(10) { print("  \(error)") }
            if lost > 0 { for warning in outcome.droppedOperations.prefix(20) { print("  \(warning)") } }
            for failure in outcome.typeCheckFailures { print("  \(failure)") }
            fflush(nil)
        }
        print("docs changes: \(changes.count + 1 - failed) of \(changes.count + 1) runs pass")
        if failed > 0 { exit(1) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("datadog-codegen-docs-changes: \(message)\n".utf8))
        exit(2)
    }
}
