import DocsChanges
import Foundation
import XCTest
@testable import DatadogCodegen

/// ``GenerateAction``: writes, stamps, summarizes; `check` compares; the in-memory run gives the same files.
final class GenerateActionTests: XCTestCase {
    func testWritesThenIsUpToDateThenChecks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("generate-action-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = StagePages.page(parameters: ["| thing_id [*required*] | string | The thing. |"])
        try Data(text.utf8).write(to: input.appendingPathComponent("update.md"))
        let output = root.appendingPathComponent("Generated")
        let action = GenerateAction(options: Pipeline.Options(input: input, templates: GoldenTests.templates), output: output)

        let first = try action.run()
        let files = try XCTUnwrap(first.result?.files)
        XCTAssertEqual(first.summary, "1 pages, 1 operations, \(files.count) files (\(files.count) changed), 0 warnings, 0 errors")
        XCTAssertEqual(Set(first.changed), Set(files.keys))
        XCTAssertEqual(GenerateAction.generate(pages: ["update.md": text], templates: try TemplateSet(directory: GoldenTests.templates)).files, files)

        let second = try action.run()
        XCTAssertNil(second.result)
        XCTAssertEqual(second.summary, "1 pages, 1 operations, \(files.count) files (0 changed), 0 warnings, 0 errors (up to date)")

        let path = try XCTUnwrap(files.keys.sorted().first)
        try Data("// edited\n".utf8).write(to: output.appendingPathComponent(path))
        let check = try GenerateAction(options: action.options, output: output, check: true).run()
        XCTAssertEqual(check.changed, [path])
        XCTAssertTrue(check.summary.contains("(1 would change)"), check.summary)
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8), "// edited\n", "check writes nothing")
    }

    /// The in-memory run and the run from the folder agree on `input/` and the edge cases: files, diagnostics, dump.
    func testInMemoryRunMatchesTheFolderRun() throws {
        let templates = try TemplateSet(directory: GoldenTests.templates)
        for folder in ["input", "Tests/Fixtures/EdgeCases/input"] {
            let input = GoldenTests.root.appendingPathComponent(folder)
            let fromFolder = try Pipeline.run(Pipeline.Options(input: input, templates: GoldenTests.templates))
            let inMemory = GenerateAction.generate(pages: try DocsChangeRun.pages(in: input), templates: templates)
            XCTAssertEqual(inMemory.files, fromFolder.files, folder)
            XCTAssertEqual(inMemory.sdk.diagnostics, fromFolder.sdk.diagnostics, folder)
            XCTAssertEqual(try ModelDump.data(inMemory.sdk), try ModelDump.data(fromFolder.sdk), folder)
            XCTAssertEqual(inMemory.pageCount, fromFolder.pageCount, folder)
        }
    }

    func testUnusableTemplatesThrow() {
        let action = GenerateAction(options: Pipeline.Options(input: GoldenTests.root.appendingPathComponent("input"),
                                                              templates: URL(fileURLWithPath: "/nonexistent-templates")),
                                    output: FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString)"))
        XCTAssertThrowsError(try action.run())
    }
}
