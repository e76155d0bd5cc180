import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 2: ``PageParser`` reads a page's sections (site table, parameters, body, responses).
final class PageParserTests: XCTestCase {
    func testReadsTheSectionsOfATab() throws {
        let text = StagePages.page(parameters: ["| thing_id [*required*] | string | The thing. |"],
                                   body: ["| | name [*required*] | string | The name. |"], bodyExample: "{\"name\": \"n\"}")
        var log = DiagnosticLog(file: "things/update.md")
        let page = PageParser.parse(SourcePage(file: "things/update.md", text: text), log: &log)
        XCTAssertEqual(log.diagnostics, [])
        XCTAssertEqual(page.title, "Update a thing")
        XCTAssertEqual(page.tag, "Things")
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(page.operations.count, 1)
        XCTAssertEqual(operation.version, "v2")
        XCTAssertEqual(operation.line, StagePages.line(of: "{% tab title=\"v2\" %}", in: text))
        XCTAssertEqual(operation.method, "PATCH")
        XCTAssertEqual(operation.path, "/api/v2/things/{thing_id}")
        XCTAssertEqual(operation.siteHosts, [SiteHost(site: "app.datadoghq.com", host: "api.datadoghq.com")])
        XCTAssertEqual(operation.parameters.map(\.name), ["thing_id"])
        XCTAssertEqual(operation.parameters.map(\.location), [.path])
        XCTAssertEqual(operation.parameters.map(\.required), [true])
        XCTAssertEqual(operation.parameters.first?.line, StagePages.line(of: "| thing_id", in: text))
        let body = try XCTUnwrap(operation.requestBody)
        XCTAssertTrue(body.required)
        XCTAssertEqual(body.schema.table?.rows.count, 1)
        XCTAssertEqual(body.schema.example?.trimmingCharacters(in: .whitespacesAndNewlines), "{\"name\": \"n\"}")
        XCTAssertEqual(operation.responses.map(\.status), ["200"])
    }

    func testUnreadableFileIsAnErrorOfLineOne() {
        var log = DiagnosticLog(file: "gone.md")
        let page = PageParser.parse(SourcePage(file: "gone.md", data: nil), log: &log)
        XCTAssertTrue(page.operations.isEmpty)
        XCTAssertEqual(log.diagnostics.map(\.description), ["gone.md:1:1: error: cannot read the file"])
    }

    func testPageWithoutATabIsAnErrorAndGeneratesNothing() {
        let result = GenerateAction.generate(pages: ["notes.md": "# Notes\n\nNothing here.\n"], templates: nil)
        XCTAssertEqual(result.sdk.diagnostics.map(\.severity), [.error])
        XCTAssertEqual(result.sdk.diagnostics.first?.file, "notes.md")
        XCTAssertEqual(result.sdk.diagnostics.first?.line, 1)
        XCTAssertTrue(result.sdk.modules.isEmpty)
        XCTAssertEqual(result.sdk.pages.map(\.file), ["notes.md"])
    }

    func testStrayTabCloserIsAWarningAtItsLine() {
        let text = StagePages.page() + "{% /tab %}\n"
        var log = DiagnosticLog(file: "p.md")
        let page = PageParser.parse(SourcePage(file: "p.md", text: text), log: &log)
        XCTAssertEqual(page.operations.count, 1)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        XCTAssertEqual(log.diagnostics.map(\.description), ["p.md:\(lastLine):1: warning: `{% /tab %}` closes no open tab; ignored"])
    }
}

/// Format drift: the page frame as published at other dates (`FormatDrift` measures each on whole corpora).
final class PageFormatDriftTests: XCTestCase {
    private func parse(_ text: String) -> (Page, [String]) {
        var log = DiagnosticLog(file: "p.md")
        let page = PageParser.parse(SourcePage(file: "p.md", text: text), log: &log)
        return (page, log.diagnostics.map(\.description))
    }

    func testVersionTabTitledDifferently() throws {
        for (title, version) in [("V2", "v2"), ("v2 (latest)", "v2"), ("API v1", "v1")] {
            let (page, diagnostics) = parse(StagePages.page().replacingOccurrences(of: "{% tab title=\"v2\" %}", with: "{% tab title=\"\(title)\" %}"))
            XCTAssertEqual(page.operations.map(\.version), [version], title)
            XCTAssertEqual(diagnostics, [], title)
        }
        XCTAssertNil(PageParser.version(ofTab: "Model"))
        XCTAssertNil(PageParser.version(ofTab: "200"))
        XCTAssertNil(PageParser.version(ofTab: "Preview"))
    }

    func testPageWithoutVersionTabTakesTheVersionFromThePath() throws {
        var lines = StagePages.page(parameters: ["| thing_id [*required*] | string | The thing. |"])
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0 == "{% tab title=\"v2\" %}" }
        lines.removeLast(2)  // the version tab's `{% /tab %}`
        lines.insert("**Note**: This endpoint is in preview and is subject to change. This endpoint is deprecated.", at: 7)
        let (page, diagnostics) = parse(lines.joined(separator: "\n"))
        XCTAssertEqual(diagnostics, [])
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(page.operations.count, 1)
        XCTAssertEqual(operation.version, "v2")
        XCTAssertEqual(operation.method, "PATCH")
        XCTAssertEqual(operation.parameters.map(\.name), ["thing_id"])
        XCTAssertEqual(operation.responses.map(\.status), ["200"])
        XCTAssertEqual(operation.notes.map(\.text), ["**Note**: This endpoint is in preview and is subject to change. This endpoint is deprecated."])
        XCTAssertTrue(operation.deprecated, "a deprecation notice before the site table")
        XCTAssertEqual(operation.line, 10, "the site table's line")
    }

    func testPathWithoutVersionSegmentMakesNoOperation() {
        var text = StagePages.page(path: "/things").replacingOccurrences(of: "{% tab title=\"v2\" %}", with: "")
        text = String(text.dropLast("{% /tab %}\n".count))
        let (page, diagnostics) = parse(text)
        XCTAssertEqual(page.operations.count, 0)
        XCTAssertTrue(diagnostics.contains { $0.hasPrefix("p.md:1:1: error: no API operation found") }, "\(diagnostics)")
    }

    func testSiteTableColumnsByHeader() throws {
        let text = StagePages.page()
            .replacingOccurrences(of: "| Datadog site      | API endpoint |", with: "| Endpoint | Site |")
            .replacingOccurrences(of: "| app.datadoghq.com | PATCH https://api.datadoghq.com/api/v2/things/{thing_id} |",
                                  with: "| PATCH https://api.datadoghq.com/api/v2/things/{thing_id} | app.datadoghq.com |")
        let (page, diagnostics) = parse(text)
        XCTAssertEqual(diagnostics, [])
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(operation.path, "/api/v2/things/{thing_id}")
        XCTAssertEqual(operation.siteHosts, [SiteHost(site: "app.datadoghq.com", host: "api.datadoghq.com")])
    }

    func testRenamedOverviewIsStillTheOverviewNotANote() throws {
        let text = StagePages.page().replacingOccurrences(of: "### Overview", with: "### Description")
        let (page, diagnostics) = parse(text)
        XCTAssertEqual(diagnostics, [])
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(operation.notes.map(\.text), [], "the description would make the operation unstable")
        XCTAssertEqual(operation.description, "Does things.")
    }

    func testDeprecatedMarkerAfterAParameterName() throws {
        let (page, diagnostics) = parse(StagePages.page(parameters: ["| thing_id [*required*] [*deprecated*] | string | The thing. |",
                                                                     "| other [*beta*] | string | Other. |"]))
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(operation.parameters.map(\.name), ["thing_id", "other"])
        XCTAssertEqual(operation.parameters.map(\.deprecated), [true, false])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics.first?.contains("warning: unknown marker `beta` after the parameter name `other`; ignored") == true, "\(diagnostics)")
    }
}
