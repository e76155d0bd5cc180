import XCTest
@testable import DatadogCodegen

/// Enum case names from the examples' constants, the description, or the values' words.
final class EnumCaseNamingTests: XCTestCase {
    private func names(_ values: [String], isString: Bool = true, constants: Set<String> = [], description: String = "") -> [String] {
        EnumCaseNaming.cases(values: values, isString: isString, constants: EnumCaseNaming.match(constants, values: values),
                             description: description).map(\.name)
    }

    func testConstantsNameTheValuesTheyDenote() {
        XCTAssertEqual(names(["asc", "desc"], constants: ["ASCENDING", "DESCENDING"]), ["ascending", "descending"])
        XCTAssertEqual(names(["pc75", "pc90"], constants: ["PERCENTILE_90"]), ["pc75", "percentile90"])
        XCTAssertEqual(names(["expanded-lg", "expanded-md"], constants: ["EXPANDED_MEDIUM"]), ["expandedLg", "expandedMedium"])
        XCTAssertEqual(names(["bytes", "json"], constants: ["DECODE_BYTES"]), ["decodeBytes", "json"])
        XCTAssertEqual(names(["l", "s"], constants: ["LARGE", "SMALL"]), ["large", "small"])
        XCTAssertEqual(names(["2025-06-18"], constants: ["VERSION_2025_06_18"]), ["version20250618"])
        XCTAssertEqual(names(["metric_bulk_configure_tags"], constants: ["BULK_MANAGE_TAGS"]), ["bulkManageTags"], "a single-valued enum")
        XCTAssertEqual(names(["x", "y"], constants: ["BULK"]), ["x", "y"], "one constant, two values it does not spell")
    }

    func testNumbersInValuesReadAsWords() {
        XCTAssertEqual(names(["1m", "1mo", "1h"], constants: ["PAST_ONE_MONTH", "PAST_ONE_HOUR"]), ["value1m", "pastOneMonth", "pastOneHour"],
                       "of `1m` and `1mo`, the longer value fits `PAST_ONE_MONTH`")
        XCTAssertEqual(names(["1", "2", "3"], isString: false, constants: ["THREE"]), ["value1", "value2", "three"])
        XCTAssertEqual(EnumCaseNaming.numberWords(45), ["forty", "five"])
        XCTAssertEqual(EnumCaseNaming.numberWords(300), ["three", "hundred"])
    }

    func testIntegerCasesTakeTheNamesTheDescriptionGives() {
        let description = "The type of metric. The available types are `0` (unspecified), `1` (count), `2` (rate), and `3` (gauge)."
        XCTAssertEqual(names(["0", "1", "2", "3"], isString: false, description: description), ["unspecified", "count", "rate", "gauge"])
        XCTAssertEqual(names(["0", "1"], isString: false, description: "`0` (none), `1` (none)"), ["value0", "value1"], "described alike: neither")
        XCTAssertEqual(names(["0", "1"], isString: false), ["value0", "value1"])
    }

    func testValuesWithoutConstantsReadAsConstantsWould() {
        XCTAssertEqual(names(["NOT_DEFINED", "IN_PROGRESS", "P1"]), ["notDefined", "inProgress", "p1"])
        XCTAssertEqual(names(["timestamp", "-timestamp", "name"]), ["timestampAscending", "timestampDescending", "name"])
        XCTAssertEqual(names([">", ">=", "<", "<=", "*", ""]), ["greaterThan", "greaterThanOrEqualTo", "lessThan", "lessThanOrEqualTo", "value", "empty"])
        XCTAssertEqual(names(["1h", "init", "self"]), ["value1h", "init_", "self_"])
    }

    func testConstantsSpreadToCopiesWithTheSameValues() {
        var constants = EnumConstants()
        constants.collect(.call(name: "Body", arguments: [("sort", .list([.attribute(base: "WidgetSort", member: "ASCENDING")]))]), file: "dashboards/a.md")
        let spread = constants.spread(over: [(name: "WidgetSort", values: ["asc", "desc"])])
        XCTAssertEqual(spread.constants(name: "WidgetSort", values: ["asc", "desc"]), ["asc": "ASCENDING"])
        XCTAssertEqual(spread.constants(name: "ThingSortOrder", values: ["desc", "asc"]), ["asc": "ASCENDING"], "a copy under its convention name")
        XCTAssertEqual(spread.constants(name: "Other", values: ["asc"]), [:], "other values: another enum")
    }

    func testAnEnumWhoseConstantsSpellExactlyItsValuesNamesIt() {
        var constants = EnumConstants()
        constants.collect(.list([.attribute(base: "AppBuilderEventName", member: "CLICK"), .attribute(base: "AppBuilderEventName", member: "CHANGE"),
                                 .attribute(base: "UsersType", member: "USERS"), .attribute(base: "UserTeamUserType", member: "USERS")]),
                          file: "app-builder/create-app.md")
        let spread = constants.spread(over: [])
        let elsewhere = "monitors/create-a-monitor.md"
        XCTAssertEqual(spread.enumName(values: ["change", "click"], signature: "s", file: elsewhere), "AppBuilderEventName")
        XCTAssertNil(spread.enumName(values: ["change", "click", "submit"], signature: "s", file: elsewhere),
                     "another folder: the constants must spell every value")
        XCTAssertNil(spread.enumName(values: ["users"], signature: "s", file: elsewhere), "two enums spell it")
        XCTAssertNil(spread.enumName(values: ["metric"], signature: "s", file: elsewhere),
                     "a single constant names a single-valued enum's cases, not the enum")
    }

    func testSpellsAllIsWhetherTheMatchGivesEveryConstantAValue() {
        let cases: [(Set<String>, [String], Bool)] = [
            (["ASCENDING", "DESCENDING"], ["asc", "desc"], true),
            (["PAST_ONE_HOUR", "PAST_ONE_MONTH"], ["1h", "1mo"], true),
            (["CLICK", "SUBMIT"], ["change", "click"], false),  // SUBMIT fits no value: ruled out before matching
            (["ASC", "ASCENDING"], ["asc", "desc"], false),  // each fits `asc`, only one can have it
            (["METRIC"], ["metric"], true),
            (["BULK_MANAGE_TAGS"], ["metric_bulk_configure_tags"], false),  // the single-valued rule is not spelling
        ]
        for (constants, values, expected) in cases {
            XCTAssertEqual(EnumCaseNaming.spellsAll(constants, values: values), expected, "\(constants) \(values)")
            XCTAssertEqual(EnumCaseNaming.match(constants, values: values, spellingOnly: true).count == constants.count, expected,
                           "\(constants) \(values)")
        }
    }

    func testConstantsOnTheRowsPageOrFolderNameItWhenTheySpellSomeOfItsValues() {
        var constants = EnumConstants()
        constants.collect(.list([.attribute(base: "AppBuilderEventName", member: "CLICK")]), file: "app-builder/create-app.md")
        let spread = constants.spread(over: [])
        let values = ["change", "click", "submit"]
        XCTAssertEqual(spread.enumName(values: values, signature: "s", file: "app-builder/create-app.md"), "AppBuilderEventName", "the page")
        XCTAssertEqual(spread.enumName(values: values, signature: "s", file: "app-builder/get-app.md"), "AppBuilderEventName", "the folder")
        XCTAssertNil(spread.enumName(values: values, signature: "s", file: "monitors/create-a-monitor.md"), "elsewhere")
        XCTAssertNil(spread.enumName(values: ["change", "submit"], signature: "s", file: "app-builder/create-app.md"),
                     "a constant that spells none of the values")
    }

    func testAnEnumTheExamplesBindToAnotherSignatureNamesNoOtherRow() {
        var constants = EnumConstants()
        let page = "dashboards/create-a-new-dashboard.md"
        constants.collect(.list([.attribute(base: "WidgetSort", member: "ASCENDING"), .attribute(base: "WidgetSort", member: "DESCENDING"),
                                 .attribute(base: "QuerySortOrder", member: "DESC")]), file: page)
        let widgetSort = NameSpreading.Learned(signature: "enum Widget sorting methods.", file: page, name: "WidgetSort")
        let spread = constants.spread(over: [], bound: [widgetSort])
        XCTAssertEqual(spread.enumName(values: ["asc", "desc"], signature: "enum Direction of sort.", file: page), "QuerySortOrder")
        XCTAssertNil(spread.enumName(values: ["asc", "desc"], signature: "enum Widget sorting methods.", file: page),
                     "both spell it: the convention name (spreading names these rows)")
        XCTAssertNil(constants.spread(over: []).enumName(values: ["asc", "desc"], signature: "enum Direction of sort.", file: page),
                     "unbound, both are candidates")
    }

    /// Both runs of ``Generator/buildVersion``: the second names the row the example body never reaches
    /// (`limit.order`, described `Direction of sort.`) after the one enum its constants spell that no
    /// row of another signature holds; the reached row (`sort.order`) keeps the name its example gives.
    func testAnUnreachedEnumRowTakesTheNameOfTheConstantsNoOtherShapeHolds() {
        func order(_ description: String, line: Int) -> FieldNode {
            FieldNode(name: "order", role: .property, typeCell: "enum", required: false, deprecated: false,
                      enumValues: ["asc", "desc"], description: description, line: line)
        }
        let fields = [
            FieldNode(name: "sort", role: .property, typeCell: "object", required: false, deprecated: false, enumValues: nil,
                      description: "", line: 1, children: [order("Widget sorting methods.", line: 2)]),
            FieldNode(name: "limit", role: .property, typeCell: "object", required: false, deprecated: false, enumValues: nil,
                      description: "", line: 3, children: [order("Direction of sort.", line: 4)]),
        ]
        // `group_by` is not in the table: its constant reaches no row.
        let body = PythonExpression.call(name: "Query", arguments: [
            ("sort", .call(name: "QuerySort", arguments: [("order", .attribute(base: "WidgetSort", member: "ASCENDING"))])),
            ("group_by", .list([.call(name: "GroupBy", arguments: [("order", .attribute(base: "QuerySortOrder", member: "DESC"))])])),
        ])
        func build(_ builder: inout TypeBuilder) -> [String] {
            var log = DiagnosticLog(file: "dashboards/create.md")
            let root = builder.rootType(fields: fields, exampleIsArray: false, name: "Query", doc: "", line: 1, python: body,
                                        isRequest: true, log: &log)
            return root.children.map { $0.children.first?.type.swift ?? "" }
        }
        var learning = TypeBuilder()
        _ = build(&learning)
        var kept = TypeBuilder(spreading: NameSpreading(learning.learned), knownOfficial: learning.officialNames,
                               constants: learning.learnedConstants)
        XCTAssertEqual(build(&kept), ["WidgetSort", "QuerySortOrder"])
    }
}
