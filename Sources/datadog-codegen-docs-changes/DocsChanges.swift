import DatadogCodegen
import DocsChanges
import Foundation

/// Applies every docs change (``DocsChange``) to a folder of reference pages, generates the SDK
/// and type-checks it against the runtime built beside this executable. Prints one line per
/// change and exits non-zero when a change gives a generator error or an SDK that does not
/// type-check.
///
/// Then every format drift (``FormatDrift``): an accepted one must give the same code as the unchanged
/// pages (comments aside), a rejected one an error inside each page it changed.
///
/// Usage: datadog-codegen-docs-changes <pages> [--change NAME]… [--drift NAME]… [--together] [--no-typecheck] [--keep DIR]
/// (`--together`: the drifts applied one after the other, in one run)
/// (with `--change` only, no drift runs; with `--drift` only, no change runs).
@main
struct DocsChangesCommand {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var changes: [DocsChange] = []
        var drifts: [FormatDrift] = []
        var together = false
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
            case "--drift":
                guard index < arguments.count, let drift = FormatDrift(rawValue: arguments.remove(at: index)) else {
                    fail("--drift takes one of: " + FormatDrift.allCases.map(\.rawValue).joined(separator: ", "))
                }
                drifts.append(drift)
            case "--together": together = true
            case "--no-typecheck": typeCheck = false
            case "--keep":
                guard index < arguments.count else { fail("--keep takes a folder") }
                keep = URL(fileURLWithPath: arguments.remove(at: index))
            default: fail("unknown option \(flag)")
            }
        }
        guard arguments.count == 1 else { fail("usage: datadog-codegen-docs-changes <pages> [--change NAME]… [--drift NAME]… [--no-typecheck]") }
        if changes.isEmpty && drifts.isEmpty { changes = DocsChange.allCases; drifts = FormatDrift.allCases }
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
        fflush(nil)
        for change in changes.isEmpty ? [] : [nil] + changes.map(Optional.some) {
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
        if !drifts.isEmpty {
            let templates = try TemplateSet(directory: run.templates)
            let unchanged = GenerateAction.generate(pages: pages, templates: templates)
            let driftRun = FormatDriftRun(templates: templates, typeCheck: checker)
            for drift in together ? [drifts] : drifts.map { [$0] } {
                let started = Date()
                let outcome = driftRun.run(drift, on: pages, baseline: unchanged)
                let name = drift.map(\.rawValue).joined(separator: "+")
                if let keep { try DocsChangeRun.write(drift.reduce(pages) { $1.apply(to: $0) }, to: keep.appendingPathComponent(together ? "together" : name)) }
                if !outcome.passed { failed += 1 }
                print(String(format: "%-30@ %@ %@: %d pages changed, %d operations (unchanged: %d), %d of %d files same code, %d errors (%d changed pages without one), %d new warnings, %@, %.1f s",
                             name, outcome.verdict.rawValue, outcome.passed ? "ok" : "FAILED", outcome.changedPages, outcome.operations,
                             unchanged.operationCount, outcome.codeEqualFiles, outcome.baselineFiles, outcome.errors.count,
                             outcome.unlocatedPages.count, outcome.newWarnings.count,
                             !typeCheck ? "not type-checked" : outcome.typeCheckFailures.isEmpty ? "type-checks" : "\(outcome.typeCheckFailures.count) modules fail to type-check",
                             Date().timeIntervalSince(started)))
                if outcome.verdict == .accepted {
                    for error in outcome.errors.prefix(5) { print("  \(error)") }
                    for file in outcome.differingFiles.prefix(5) { print("  \(file)") }
                } else {
                    for page in outcome.unlocatedPages.prefix(5) { print("  \(page): no error located in the page") }
                    for error in outcome.errors.prefix(2) { print("  \(error)") }
                }
                for warning in outcome.newWarnings.prefix(3) { print("  \(warning)") }
                for failure in outcome.typeCheckFailures { print("  \(failure)") }
                fflush(nil)
            }
        }
        let runs = (changes.isEmpty ? 0 : changes.count + 1) + (together ? 1 : drifts.count)
        print("docs changes: \(runs - failed) of \(runs) runs pass")
        if failed > 0 { exit(1) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("datadog-codegen-docs-changes: \(message)\n".utf8))
        exit(2)
    }
}
