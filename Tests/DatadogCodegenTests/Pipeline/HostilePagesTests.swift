@testable import DatadogCodegen
import DocsChanges
import Foundation
import XCTest

/// The hostile set: pages that are broken (truncated, binary, unclosed tabs, rows without pipes,
/// endpoints that make no URL, a page given twice) get diagnostics located in them, and every other
/// page still generates an SDK that type-checks. The hand-written pages of
/// `Tests/Fixtures/HostilePages/input` (Swift keywords and members as names, names differing only by
/// case or punctuation, colliding and empty enum values, injection into comments and literals, a
/// Parent column naming no field, tabs in cells, two tabs of one version, no front matter) are
/// generated with the real pages of `input/`; their diagnostics are recorded in
/// `Tests/Fixtures/HostilePages/expected-diagnostics.txt` (`RECORD_GOLDEN=1` re-records). Deep and
/// wide pages are `DocsChangeTests`' (`nested-40-deep`, `object-5000-fields`).
final class HostilePagesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/HostilePages")
    static let templates = root.appendingPathComponent("templates")
    /// The real page the broken ones are made from.
    static let seed = root.appendingPathComponent("input/create-backfilled-degradation.md")

    /// The seed page broken the ways exports and downloads break pages, in a folder read after the
    /// good pages (pages run in path order and the first page of an operation is the one generated).
    static func brokenPages(from seed: String) -> [String: Data] {
        let lines = seed.components(separatedBy: "\n")
        var generator = SplitMix64(seed: 11)
        var brokenRows = 0
        let withoutPipes = lines.map { line -> String in
            // Three required rows lose their pipes: one in a parameter table, two in the middle of the body's table.
            guard line.hasPrefix("|"), line.contains("[*required*]"), brokenRows < 3 else { return line }
            brokenRows += 1
            return line.replacingOccurrences(of: "|", with: " ")
        }
        return [
            "zz-broken/truncated.md": Data(lines.prefix(lines.count / 3).joined(separator: "\n").utf8),
            "zz-broken/truncated-in-the-site-table.md": Data(lines.prefix(12).joined(separator: "\n").utf8),
            "zz-broken/binary.md": Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }),
            "zz-broken/unclosed-tabs.md": Data(seed.replacingOccurrences(of: "{% /tab %}", with: "").utf8),
            "zz-broken/rows-without-pipes.md": Data(withoutPipes.joined(separator: "\n").utf8),
            "zz-broken/the-same-page-twice.md": Data(seed.utf8),
        ]
    }

    /// Every broken page has a diagnostic inside it; every other page is generated as when alone,
    /// without error, and the whole SDK type-checks against the runtime.
    func testBrokenPagesAreLocatedAndTheRestTypeChecks() throws {
        var good = try DocsChangeRun.pages(in: Self.root.appendingPathComponent("input"))
        good.merge(try DocsChangeRun.pages(in: Self.fixtures.appendingPathComponent("input"), prefix: "hostile/")) { $1 }
        let broken = Self.brokenPages(from: try String(contentsOf: Self.seed, encoding: .utf8))
        let templates = try TemplateSet(directory: Self.templates)
        let options = Pipeline.Options(input: URL(fileURLWithPath: "."), templates: URL(fileURLWithPath: "."))
        var sources = good.map { SourcePage(file: $0.key, text: $0.value) } + broken.map { SourcePage(file: $0.key, data: $0.value) }
        sources.sort { $0.file < $1.file }
        let alone = Pipeline.run(good.keys.sorted().map { SourcePage(file: $0, text: good[$0]!) }, templates: templates, options: options)
        let result = Pipeline.run(sources, templates: templates, options: options)

        let lineCounts = Dictionary(uniqueKeysWithValues: sources.map { ($0.file, SourceText(data: $0.data ?? Data()).lines.count) })
        for diagnostic in result.sdk.diagnostics {
            XCTAssertLessThanOrEqual(diagnostic.line, lineCounts[diagnostic.file] ?? 0, "located inside its page: \(diagnostic)")
        }
        for page in broken.keys.sorted() {
            XCTAssertTrue(result.sdk.diagnostics.contains { $0.file == page }, "\(page) gets a diagnostic")
        }
        let errorsOnGoodPages = result.sdk.diagnostics.filter { $0.severity == .error && !$0.file.hasPrefix("zz-broken/") }
        XCTAssertEqual(errorsOnGoodPages, alone.sdk.diagnostics.filter { $0.severity == .error }, "the broken pages add no error elsewhere")
        XCTAssertEqual(result.operationCount, alone.operationCount, "every good page is still generated")
        XCTAssertEqual(Set(result.sdk.pages.filter { !$0.file.hasPrefix("zz-broken/") }.flatMap { $0.operations.map(\.decl.operationID) }),
                       Set(alone.sdk.pages.flatMap { $0.operations.map(\.decl.operationID) }))
        // The binary and the early-truncated page are errors; the later breaks leave an operation with warnings.
        for page in ["zz-broken/binary.md", "zz-broken/truncated-in-the-site-table.md"] {
            XCTAssertTrue(result.sdk.diagnostics.contains { $0.file == page && $0.severity == .error }, page)
        }
        XCTAssertTrue(result.sdk.diagnostics.contains { $0.file == "zz-broken/rows-without-pipes.md" && $0.message.contains("field row has 1 cell(s)") },
                      "a row without pipes in the middle of a table is reported at its line")

        let checker = try SDKTypeCheck.locate(from: Bundle(for: Self.self).bundleURL)
        let failures = checker.check(result.files)
        XCTAssertEqual(failures.map(\.description), [])
    }

    /// The hand-written hostile pages give the recorded diagnostics (each at its page and line).
    func testHandWrittenHostilePagesGiveTheirDiagnostics() throws {
        let pages = try DocsChangeRun.pages(in: Self.fixtures.appendingPathComponent("input"))
        let result = GenerateAction.generate(pages: pages, templates: try TemplateSet(directory: Self.templates))
        let diagnostics = result.sdk.diagnostics.map { $0.description + "\n" }.joined()
        let expectedURL = Self.fixtures.appendingPathComponent("expected-diagnostics.txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" { try Data(diagnostics.utf8).write(to: expectedURL) }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(diagnostics, expected, UnifiedDiff.make(old: expected, new: diagnostics, oldName: "expected-diagnostics.txt", newName: "diagnostics"))
        // The pages whose endpoint makes no URL are the only ones skipped.
        XCTAssertEqual(Set(result.sdk.diagnostics.filter { $0.severity == .error }.map(\.file)),
                       ["endpoint-empty-parameter.md", "endpoint-host.md", "endpoint-quote.md"])
        XCTAssertEqual(result.operationCount, 8)
    }

    /// CRLF line endings and a byte-order mark change nothing: the same files, the same diagnostics.
    func testLineEndingsAndByteOrderMarkChangeNothing() throws {
        let seed = try String(contentsOf: Self.seed, encoding: .utf8)
        let templates = try TemplateSet(directory: Self.templates)
        func generate(_ text: String) -> Pipeline.Result {
            GenerateAction.generate(pages: ["status-pages/page.md": text], templates: templates)
        }
        let plain = generate(seed)
        XCTAssertEqual(plain.operationCount, 1)
        for (label, text) in [("CRLF", seed.replacingOccurrences(of: "\n", with: "\r\n")), ("BOM", "\u{FEFF}" + seed),
                              ("BOM and CRLF", "\u{FEFF}" + seed.replacingOccurrences(of: "\n", with: "\r\n"))] {
            let changed = generate(text)
            XCTAssertEqual(changed.files, plain.files, label)
            XCTAssertEqual(changed.sdk.diagnostics, plain.sdk.diagnostics, label)
        }
    }

    /// A row without pipes between rows of a table stays in that table (GFM reads it as a row);
    /// text right after a table's last row is still text (a permission sentence on a real page).
    func testRowWithoutPipesStaysInItsTable() {
        let text = """
            | Field | Type |
            | ----- | ---- |
            | a | string |
              b   string
            | c | string |
            This endpoint requires the `x` permission.
            """
        let events = MarkdownEvents.events(of: SourceText(text: text))
        guard case .table(let table)? = events.first else { return XCTFail("\(events)") }
        XCTAssertEqual(table.rows.map(\.line), [3, 4, 5])
        XCTAssertEqual(table.rows[1].cells, ["b   string"])
        XCTAssertEqual(events.count, 2)
        if case .text(let rest, let line)? = events.last {
            XCTAssertEqual(line, 6)
            XCTAssertTrue(rest.contains("permission"))
        } else {
            XCTFail("\(events)")
        }
        // A run of broken rows is found in one scan (20,000 of them: linear, not quadratic).
        let run = "| F | T |\n| - | - |\n| a | b |\n" + String(repeating: "broken row\n", count: 20_000) + "| c | d |"
        guard case .table(let long)? = MarkdownEvents.events(of: SourceText(text: run)).first else { return XCTFail("no table") }
        XCTAssertEqual(long.rows.count, 20_002)
        XCTAssertEqual(long.rows.last?.line, 20_004)
        // A pipe line followed by a separator starts a new table: the line before it is text.
        let two = MarkdownEvents.events(of: SourceText(text: "| A |\n| - |\n| 1 |\nText\n| B |\n| - |\n| 2 |"))
        XCTAssertEqual(two.count, 3)
    }

    /// Endpoints that cannot make a request URL.
    func testEndpointProblems() {
        XCTAssertNil(PageParser.endpointProblem(host: "api.datadoghq.com", path: "/api/v2/x/{page_id}/y"))
        XCTAssertNil(PageParser.endpointProblem(host: "localhost:8080", path: "/api/v1/a-b_c.d~e/%20"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "\"evil\".com", path: "/"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/{}"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/{a{b}}"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/{a"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/a}"))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/\"\\(y)\""))
        XCTAssertNotNil(PageParser.endpointProblem(host: "a.com", path: "/x/a b"))
    }
}

/// A small deterministic random generator (the broken binary page is the same on every run).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
