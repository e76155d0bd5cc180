import Foundation
import XCTest
@testable import DatadogCodegen

/// A minimal reference page: one v2 tab with an optional note, the site table and optional code examples.
private func page(title: String, method: String = "GET", path: String, note: String? = nil,
                  examples: [(language: String, code: String)] = []) -> String {
    var lines = ["---", "title: \(title)", "breadcrumbs: Docs > API Reference > Things", "---", "", "# \(title)", "",
                 "{% tab title=\"v2\" %}"]
    if let note { lines.append(note) }
    lines += ["| Datadog site      | API endpoint |", "| ----------------- | ------------ |",
              "| app.datadoghq.com | \(method) https://api.datadoghq.com\(path) |", "", "### Overview", "", "Does things.", "",
              "### Code Example", ""]
    for example in examples { lines += ["```\(example.language)", example.code, "```", ""] }
    lines.append("{% /tab %}")
    return lines.joined(separator: "\n") + "\n"
}

private func build(_ pages: [String: String]) -> SDKModel {
    GenerateAction.generate(pages: pages, templates: nil).sdk
}

private func operation(_ model: SDKModel, _ file: String) throws -> OperationDecl {
    try XCTUnwrap(model.pages.first { $0.file == file }?.operations.first?.decl, "no operation built for \(file)")
}

/// The unstable flag: the examples' opt-in lines, then the path, then the note.
final class UnstableEvidenceTests: XCTestCase {
    func testOptInLinesOfEveryClient() {
        let examples = [
            ("go", "\tconfiguration.SetUnstableOperationEnabled(\"v2.ListThings\", true)"),
            ("java", "    defaultClient.setUnstableOperationEnabled(\"v2.listThings\", true);"),
            ("python", "configuration.unstable_operations[\"list_things\"] = True"),
            ("ruby", "  config.unstable_operations[\"v2.list_things\".to_sym] = true"),
            ("rust", "    configuration.set_unstable_operation_enabled(\"v2.ListThings\", true);"),
            ("typescript", "configuration.unstableOperations[\"v2.listThings\"] =\n  true;"),
        ]
        for (language, code) in examples {
            let hints = CodeExampleHints(examples: [CodeExample(language: language, code: code, line: 1)])
            XCTAssertTrue(hints.hasClientExample, language)
            XCTAssertTrue(hints.enablesUnstable("ListThings", version: "v2"), "\(language): \(hints.unstableOptIns)")
            if language != "python" {   // Python names the operation without its version
                XCTAssertFalse(hints.enablesUnstable("ListThings", version: "v1"), "\(language): another version")
            }
            XCTAssertFalse(hints.enablesUnstable("ListThingsAgain", version: "v2"), language)
        }
        let disabled = CodeExampleHints(examples: [CodeExample(language: "go", code: "configuration.SetUnstableOperationEnabled(\"v2.ListThings\", false)", line: 1)])
        XCTAssertFalse(disabled.enablesUnstable("ListThings", version: "v2"), "an opt-out is no opt-in")
        XCTAssertFalse(CodeExampleHints(examples: [CodeExample(language: "kotlin", code: "x", line: 1)]).hasClientExample)
    }

    func testExamplesDecideBeforeTheNote() throws {
        let go = "\tconfiguration := datadog.NewConfiguration()\n\tresp, r, err := api.ListThings(ctx)"
        let goEnabled = "\tconfiguration.SetUnstableOperationEnabled(\"v2.ListThings\", true)\n" + go
        let model = build([
            // A preview note, but the official client calls the operation without enabling it.
            "t/preview.md": page(title: "List things", path: "/api/v2/things", note: "**Note**: This endpoint is in preview.",
                                 examples: [("go", go)]),
            // A deprecation note, and the official client enables the operation.
            "t/deprecated.md": page(title: "List old things", path: "/api/v2/old", note: "**Note**: This endpoint is deprecated.",
                                    examples: [("go", goEnabled.replacingOccurrences(of: "ListThings", with: "ListOldThings"))]),
        ])
        XCTAssertFalse(try operation(model, "t/preview.md").unstable)
        let deprecated = try operation(model, "t/deprecated.md")
        XCTAssertTrue(deprecated.unstable)
        XCTAssertTrue(deprecated.deprecated)
    }

    func testPathThenNoteWithoutExamples() throws {
        let model = build([
            "t/path.md": page(title: "List probes", path: "/api/unstable/probes"),
            "t/beta.md": page(title: "List rollouts", path: "/api/v2/rollouts", note: "**Note**: This endpoint is in public beta."),
            "t/odd.md": page(title: "List widgets", path: "/api/v2/widgets", note: "**Heads up**: this endpoint is being reworked."),
            "t/plain.md": page(title: "List gadgets", path: "/api/v2/gadgets"),
        ])
        XCTAssertTrue(try operation(model, "t/path.md").unstable)
        XCTAssertTrue(try operation(model, "t/beta.md").unstable)
        XCTAssertTrue(try operation(model, "t/odd.md").unstable, "an unclassified note is never silently stable")
        XCTAssertFalse(try operation(model, "t/plain.md").unstable)
        let warnings = model.diagnostics.filter { $0.severity == .warning && $0.message.contains("cannot classify") }
        XCTAssertEqual(warnings.map(\.file), ["t/odd.md"])
        XCTAssertEqual(warnings.first?.line, 9, "the note's line")
    }
}

/// operationIds of pages without code examples: the title's verb and noun, the path, the siblings.
final class TitleNamingTests: XCTestCase {
    func name(_ title: String, _ method: String = "GET", _ path: String = "/api/v2/x") -> String {
        OperationBuilder.operationID(fromTitle: title, method: method, path: path)
    }

    func testVerbs() {
        XCTAssertEqual(name("Add Cloudflare account", "POST"), "CreateCloudflareAccount")
        XCTAssertEqual(name("Edit a monitor", "PUT", "/api/v1/monitor/{monitor_id}"), "UpdateMonitor")
        XCTAssertEqual(name("Get all teams", "GET", "/api/v2/team"), "ListTeams")
        XCTAssertEqual(name("Get all teams", "GET", "/api/v2/team/{team_id}"), "GetTeams", "an item path is no list")
        XCTAssertEqual(name("Get the list of all Synthetic tests"), "ListSyntheticTests")
        XCTAssertEqual(name("Create or update a budget", "PUT"), "UpsertBudget")
        XCTAssertEqual(name("Gets a list of data deletion requests"), "ListDataDeletionRequests")
    }

    func testPrepositions() {
        XCTAssertEqual(name("Get links for a team", "GET", "/api/v2/team/{team_id}/links"), "GetTeamLinks")
        XCTAssertEqual(name("List tags by metric name"), "ListTagsByMetricName")
        XCTAssertEqual(name("Add a user to a role", "POST", "/api/v2/roles/{role_id}/users"), "AddUserToRole", "the title's verb")
        XCTAssertEqual(name("Remove a user from a role", "DELETE"), "RemoveUserFromRole")
        XCTAssertEqual(name("Get an SLO correction for an SLO", "GET", "/api/v1/slo/correction/{slo_correction_id}"), "GetSLOCorrection")
        XCTAssertEqual(name("Create On-Call Page", "POST", "/api/v2/on-call/pages"), "CreateOnCallPage", "no preposition inside a word")
        XCTAssertEqual(name("Query scalar data across multiple products", "POST"), "QueryScalarData")
        XCTAssertEqual(name("Get details of batch", "GET", "/api/v1/synthetics/ci/batch/{batch_id}"), "GetBatch")
    }

    func testThePathsAbbreviations() {
        XCTAssertEqual(name("Create a Widget Telemetry probe", "POST", "/api/v2/widget-tel/v1/probes"), "CreateWidgetTelProbe")
        XCTAssertEqual(name("List frobnicated widget storage buckets", "GET", "/api/v2/fws/buckets"), "ListFWSBuckets",
                       "initials of consecutive words")
        XCTAssertEqual(name("List probes", "GET", "/api/v2/probe"), "ListProbes", "a plural is no abbreviation")
        XCTAssertEqual(name("Get a probe", "GET", "/api/v2/probes/{probe_id}"), "GetProbe")
    }

    func testASiblingGuessedFromALongerTitleLendsNothing() throws {
        let model = build([
            "p/copy.md": page(title: "Create a new probe by copying an existing probe", method: "POST", path: "/api/v2/probes/{probe_id}/copy"),
            "p/delete.md": page(title: "Delete a probe", method: "DELETE", path: "/api/v2/probes/{probe_id}"),
            "p/list.md": page(title: "List probes", path: "/api/v2/probes"),
        ])
        XCTAssertEqual(try operation(model, "p/copy.md").operationID, "CreateProbeByCopyingProbe")
        XCTAssertEqual(try operation(model, "p/delete.md").operationID, "DeleteProbe")
        XCTAssertEqual(try operation(model, "p/list.md").operationID, "ListProbes")
    }

    func testNamesThatStillCollideAreNumberedWithAWarning() throws {
        let pages = [
            "p/a.md": page(title: "Get a probe", path: "/api/v2/probes/{probe_id}"),
            "p/b.md": page(title: "Get a probe", path: "/api/v2/legacy/probes/{probe_id}"),
        ]
        let model = build(pages)
        XCTAssertEqual(try operation(model, "p/a.md").operationID, "GetProbe")
        XCTAssertEqual(try operation(model, "p/b.md").operationID, "GetProbe2")
        let warnings = model.diagnostics.filter { $0.severity == .warning && $0.message.contains("`GetProbe`") }
        XCTAssertEqual(warnings.map(\.file), ["p/b.md"])
        XCTAssertEqual(warnings.first?.line, 8)
        XCTAssertEqual(build(pages).pages.map { $0.operations.map(\.decl.operationID) }, model.pages.map { $0.operations.map(\.decl.operationID) },
                       "deterministic")
    }

    func testOneOperationOnTwoPagesIsStillOneOperation() throws {
        for other in ["Get a probe", "Fetch one probe again"] {
            let model = build([
                "p/a.md": page(title: "Get a probe", path: "/api/v2/probes/{probe_id}"),
                "p/b.md": page(title: other, path: "/api/v2/probes/{probe_id}"),
            ])
            XCTAssertEqual(try operation(model, "p/a.md").operationID, "GetProbe")
            XCTAssertNil(model.pages.first { $0.file == "p/b.md" }?.operations.first, other)
            XCTAssertTrue(model.diagnostics.contains { $0.file == "p/b.md" && $0.message.contains("already defined") }, other)
        }
    }

    func testCollidingGuessesKeepTheirQualifiers() throws {
        let model = build([
            "m/validate-a-monitor.md": page(title: "Validate a monitor", method: "POST", path: "/api/v2/monitor/validate"),
            "m/validate-an-existing-monitor.md": page(title: "Validate an existing monitor", method: "POST",
                                                      path: "/api/v2/monitor/{monitor_id}/validate"),
        ])
        XCTAssertEqual(try operation(model, "m/validate-a-monitor.md").operationID, "ValidateMonitor")
        XCTAssertEqual(try operation(model, "m/validate-an-existing-monitor.md").operationID, "ValidateExistingMonitor")
        XCTAssertFalse(model.diagnostics.contains { $0.message.contains("already defined") })
    }

    func testSiblingNounIsNotTakenFromANestedCollection() throws {
        let model = build([
            "t/get-a-team.md": page(title: "Get a team", path: "/api/v2/team/{team_id}"),
            "t/get-all-member-teams.md": page(title: "Get all member teams", path: "/api/v2/team/{super_team_id}/member_teams"),
        ])
        XCTAssertEqual(try operation(model, "t/get-a-team.md").operationID, "GetTeam")
        XCTAssertEqual(try operation(model, "t/get-all-member-teams.md").operationID, "ListMemberTeams")
        XCTAssertEqual(OperationNaming.key("v2", "/api/v2/team/{super_team_id}/member_teams"), "v2 api/v2/team/{}/member_teams")
        XCTAssertEqual(OperationNaming.key("v2", "/api/v2/team/{team_id}"), "v2 api/v2/team")
    }
}
