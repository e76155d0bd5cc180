import Foundation
import XCTest
@testable import DatadogCodegen

/// `--templates <dir>`: a template that uses a key the render model does not provide, includes
/// a missing partial or does not parse is an error naming the file and line.
final class TemplateTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")

    /// A copy of the built-in templates in a temporary folder, with `changes` (name → text) applied.
    func templateFolder(_ changes: [String: String] = [:], removing removed: [String] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.templates, to: folder)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in changes {
            try text.write(to: folder.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        for name in removed {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name + ".mustache"))
        }
        return folder
    }

    func loadError(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try TemplateSet(directory: folder)
            XCTFail("the templates loaded without error", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testBuiltInTemplatesPass() throws {
        XCTAssertNoThrow(try TemplateSet(directory: Self.templates))
    }

    func testMissingKeyNamesTemplateLineAndColumn() throws {
        let original = try String(contentsOf: Self.templates.appendingPathComponent("enum.mustache"), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex(of: "    case {{name}}"))
        lines[index] = "    case {{nmae}}"
        let folder = try templateFolder(["enum": lines.joined(separator: "\n")])
        let message = loadError(folder)
        XCTAssertTrue(message.contains(folder.appendingPathComponent("enum.mustache").path + ":\(index + 1):10: error:"), message)
        XCTAssertTrue(message.contains("template `enum` uses `{{nmae}}`"), message)
        XCTAssertTrue(message.contains("no key `nmae`"), message)
        // The keys that would have worked are listed, including the section's own.
        XCTAssertTrue(message.contains("rawLiteral"), message)
        XCTAssertEqual(message.components(separatedBy: "\n").count, 1, message)
    }

    func testMissingSectionIsReportedOnceWithoutFollowUps() throws {
        let folder = try templateFolder(["module": "{{> header}}\n{{#things}}\n{{anything}} {{name}}\n{{/things}}\n{{^missing}}x{{/missing}}\n"])
        let message = loadError(folder)
        let lines = message.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 2, message)
        XCTAssertTrue(lines[0].contains("module.mustache:2:1: error: template `module` uses `{{#things}}`"), message)
        XCTAssertTrue(lines[1].contains("module.mustache:5:1: error: template `module` uses `{{^missing}}`"), message)
    }

    func testKeysOfOuterContextsResolveInsideSections() throws {
        // Mustache looks outwards: `source` and `name` of the type are visible inside `properties`.
        let model = try String(contentsOf: Self.templates.appendingPathComponent("model.mustache"), encoding: .utf8)
            + "{{#properties}}// {{source}} {{bare}} {{#doc}}{{#.}}{{.}}{{/.}}{{/doc}}\n{{/properties}}\n{{! a comment {{nothing}} }}\n"
        XCTAssertNoThrow(try TemplateSet(directory: templateFolder(["model": model])))
    }

    func testTransformsAndDelimiterChanges() throws {
        let good = "{{> header}}\n{{uppercased(name)}} {{=<% %>=}}<% version %><%={{ }}=%> {{{name}}} {{&version}}\n"
        XCTAssertNoThrow(try TemplateSet(directory: templateFolder(["module": good])))
        let bad = "{{> header}}\n{{=<% %>=}}\n<% versoin %>\n<%={{ }}=%>{{lowercased(nmae)}}\n"
        let message = loadError(try templateFolder(["module": bad]))
        XCTAssertTrue(message.contains("module.mustache:3:1: error: template `module` uses `{{versoin}}`"), message)
        XCTAssertTrue(message.contains("module.mustache:4:12: error: template `module` uses `{{lowercased(nmae)}}`"), message)
    }

    func testMissingPartial() throws {
        let message = loadError(try templateFolder(["alias": "{{> headr}}\n{{name}}\n"]))
        XCTAssertTrue(message.contains("alias.mustache:1:1: error: template `alias` includes `{{> headr}}`, but there is no `headr.mustache`"), message)
    }

    func testProblemInPartialNamesPartialAndIncludeSite() throws {
        // `header` is included by every template: its problem is reported once, at its own line.
        let folder = try templateFolder(["header": "// Generated.\n// {{generatorVersion}}\n"])
        let message = loadError(folder)
        let lines = message.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 1, message)
        XCTAssertTrue(message.contains(folder.appendingPathComponent("header.mustache").path + ":2:4: error: template `header` uses `{{generatorVersion}}`"), message)
        XCTAssertTrue(message.contains("(included from "), message)
    }

    func testExtraPartialsAreCheckedWhereIncluded() throws {
        let folder = try templateFolder([
            "module": "{{> header}}\n{{> footer}}\n",
            "footer": "// {{name}} {{version}}\n// {{nope}}\n",
        ])
        let message = loadError(folder)
        XCTAssertTrue(message.contains("footer.mustache:2:4: error: template `footer` uses `{{nope}}`"), message)
        XCTAssertTrue(message.contains("included from module.mustache:2"), message)
        XCTAssertFalse(message.contains("{{name}}"), message)
    }

    func testBrokenTemplateNamesLine() throws {
        let message = loadError(try templateFolder(["oneof": "{{> header}}\n{{#options}}\n{{name}\n"]))
        XCTAssertTrue(message.contains("oneof.mustache:3:"), message)
        XCTAssertTrue(message.contains("template `oneof` does not parse"), message)
    }

    func testMissingTemplate() throws {
        let message = loadError(try templateFolder(removing: ["unstable"]))
        XCTAssertTrue(message.contains("unstable.mustache:1:1: error: template `unstable` is missing"), message)
    }

    func testGenerateUsesTheCheckedTemplates() throws {
        // Through the pipeline, as `generate --templates` runs it.
        let folder = try templateFolder(["api": "{{> header}}\n{{#operations}}{{methodName}} {{summry}}{{/operations}}\n"])
        XCTAssertThrowsError(try Pipeline.run(Pipeline.Options(input: Self.root.appendingPathComponent("input"), templates: folder))) { error in
            XCTAssertTrue("\(error)".contains("api.mustache:2:31: error: template `api` uses `{{summry}}`"), "\(error)")
        }
    }

    // MARK: The checker's keys are the render models' properties

    /// The keys read from each render model's type are the properties `Mirror` shows Mustache, at
    /// every depth, for every file of `input/` and the edge-case fixtures.
    func testKeysReadFromTheTypesAreWhatMustacheSees() throws {
        var covered: Set<String> = []
        for (input, prefix) in [("input", Pipeline.defaultModulePrefix), ("Tests/Fixtures/EdgeCases/input", "DatadogEdgeCases")] {
            var options = Pipeline.Options(input: Self.root.appendingPathComponent(input), templates: Self.templates)
            options.modulePrefix = prefix
            let sdk = try Pipeline.run(options, render: false).sdk
            for job in SDKRenderer.jobs(sdk) {
                let model = job.model()
                let template = type(of: model).template
                covered.insert(template)
                try assertKeys(model, match: XCTUnwrap(TemplateSet.keys[template]), at: job.path)
            }
        }
        XCTAssertEqual(covered, Set(TemplateSet.models.map { $0.template }), "the inputs no longer exercise every template")
    }

    /// What Mustache reads from a model's ``RenderValue`` is what `Mirror` shows of the model, at
    /// every depth (nil optionals left out), for every file of `input/` and the edge-case fixtures;
    /// and Mustache renders every file from the value exactly as it renders it from the model
    /// through `Mirror`.
    func testRenderValuesHoldWhatMirrorShows() throws {
        let templates = try TemplateSet(directory: Self.templates)
        for (input, prefix) in [("input", Pipeline.defaultModulePrefix), ("Tests/Fixtures/EdgeCases/input", "DatadogEdgeCases")] {
            var options = Pipeline.Options(input: Self.root.appendingPathComponent(input), templates: Self.templates)
            options.modulePrefix = prefix
            for job in SDKRenderer.jobs(try Pipeline.run(options, render: false).sdk) {
                let model = job.model()
                let value = try XCTUnwrap(RenderValue.of(model), job.path)
                assertValue(value, holds: model, at: job.path)
                let throughMirror = templates.library.render(model, withTemplate: type(of: model).template)
                XCTAssertEqual(templates.render(model), throughMirror, job.path)
            }
        }
    }

    func testRenderValuesOfPlainValuesAndNilOptionals() {
        struct Sample: Encodable {
            var name = "a"
            var count: Int32 = 3
            var ratio: Float = 0.5
            var shown = true
            var missing: String? = nil
            var rows: [[String]] = [["x"], []]
        }
        XCTAssertEqual(RenderValue.of(Sample()), .object(RenderObject(values: [
            "name": .text("a"), "count": .integer(3), "ratio": .real(0.5), "shown": .flag(true),
            "rows": .list([.list([.text("x")]), .list([])]),
        ])))
        XCTAssertNil(RenderValue.of(String?.none))
    }

    func assertValue(_ value: RenderValue, holds model: Any, at path: String, file: StaticString = #filePath, line: UInt = #line) {
        let mirror = Mirror(reflecting: model)
        switch (mirror.displayStyle, value) {
        case (.optional, _):
            guard let wrapped = mirror.children.first?.value else { return XCTFail("\(path): a nil optional is in the value", file: file, line: line) }
            assertValue(value, holds: wrapped, at: path, file: file, line: line)
        case (.collection, .list(let items)):
            XCTAssertEqual(items.count, mirror.children.count, "\(path): items", file: file, line: line)
            for (index, (item, child)) in zip(items, mirror.children).enumerated() {
                assertValue(item, holds: child.value, at: "\(path)[\(index)]", file: file, line: line)
            }
        case (.struct, .object(let object)):
            var present: Set<String> = []
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional, childMirror.children.isEmpty { continue }
                present.insert(label)
                guard let item = object.values[label] else { XCTFail("\(path).\(label) is missing", file: file, line: line); continue }
                assertValue(item, holds: child.value, at: "\(path).\(label)", file: file, line: line)
            }
            XCTAssertEqual(Set(object.values.keys), present, "keys of \(path)", file: file, line: line)
        case (.collection, _), (.struct, _):
            XCTFail("\(path): the value is \(value), not a \(mirror.displayStyle.map { "\($0)" } ?? "")", file: file, line: line)
        default:
            switch (value, model) {
            case (.text(let text), let string as String): XCTAssertEqual(text, string, path, file: file, line: line)
            case (.flag(let flag), let bool as Bool): XCTAssertEqual(flag, bool, path, file: file, line: line)
            case (.integer(let number), let int as Int): XCTAssertEqual(number, int, path, file: file, line: line)
            case (.real(let number), let double as Double): XCTAssertEqual(number, double, path, file: file, line: line)
            default: XCTFail("\(path): the value is \(value), the model has \(model)", file: file, line: line)
            }
        }
    }

    func testKeysOfNestedListsAndOptionals() {
        let api = RenderKeys(of: APIModel.self)
        XCTAssertEqual(api.keys["operations"]?.keys["paginated"]?.keys["callArguments"]?.keys["bodyCursor"]?.keys["keys"], RenderKeys())
        XCTAssertEqual(api.keys["operations"]?.keys["returns"]?.keys["docLine"], RenderKeys(optional: true))
        XCTAssertEqual(api.keys["operations"]?.keys["paginated"]?.optional, true)
        XCTAssertEqual(api.keys["operations"]?.keys["parameters"]?.optional, false)
        XCTAssertEqual(api.keys["operations"]?.keys["doc"], RenderKeys(), "a list of lists of strings has no keys")
        XCTAssertEqual(RenderKeys(of: ModuleInfoModel.self).description, "name, operationCount, typeCount, version")
    }

    /// Mustache looks a nil optional up in the contexts around it: no optional key of a render
    /// model may share its name with a key of an enclosing context, or a template would print the
    /// outer value where the model says "none".
    func testOptionalKeysAreNamedApartFromTheirContexts() {
        func walk(_ keys: RenderKeys, outer: Set<String>, at path: String) {
            for (name, child) in keys.keys {
                if child.optional {
                    XCTAssertFalse(outer.contains(name), "\(path).\(name) is optional, and an enclosing context has `\(name)` too")
                }
                walk(child, outer: outer.union(keys.keys.keys), at: "\(path).\(name)")
            }
        }
        for (template, keys) in TemplateSet.keys { walk(keys, outer: [], at: template) }
    }

    /// `module` and `unstable` models are built in `SDKRenderer`: probe templates print every
    /// declared key, and none may come out empty. Run on the edge-case fixtures: the Status Pages
    /// operations of `input/` are all stable.
    func testDeclaredKeysOfModuleAndUnstableAreRendered() throws {
        func probe(_ keys: RenderKeys) -> String {
            keys.keys.keys.sorted().map { key in
                let child = keys.keys[key]!
                return child.keys.isEmpty ? "<{{\(key)}}>" : "{{#\(key)}}\(probe(child)){{/\(key)}}"
            }.joined()
        }
        let moduleProbe = probe(TemplateSet.keys["module"]!)
        let unstableProbe = probe(TemplateSet.keys["unstable"]!)
        let folder = try templateFolder(["module": moduleProbe, "unstable": unstableProbe])
        var options = Pipeline.Options(input: Self.root.appendingPathComponent("Tests/Fixtures/EdgeCases/input"), templates: folder)
        options.modulePrefix = "DatadogEdgeCases"
        let result = try Pipeline.run(options)
        let module = try XCTUnwrap(result.files["DatadogEdgeCasesV1/DatadogEdgeCasesV1.swift"])
        XCTAssertFalse(module.contains("<>"), module)
        XCTAssertEqual(module.components(separatedBy: "<").count - 1, 4, module)
        let unstable = try XCTUnwrap(result.files.first { $0.key.hasSuffix("UnstableOperations.swift") }?.value, "the edge-case fixtures have no unstable operation")
        XCTAssertFalse(unstable.contains("<>"), unstable)
        XCTAssertEqual(unstable.components(separatedBy: "<").count - 1, 5, unstable)
    }

    /// The properties of `value` as Mustache reads them (through `Mirror`; lists and optionals by
    /// their elements) are the keys of `schema`.
    func assertKeys(_ value: Any, match schema: RenderKeys, at path: String, file: StaticString = #filePath, line: UInt = #line) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            for child in mirror.children { assertKeys(child.value, match: schema, at: path + "[]", file: file, line: line) }
        case .struct:
            let labels = mirror.children.compactMap(\.label)
            XCTAssertEqual(Set(labels), Set(schema.keys.keys), "keys of \(path)", file: file, line: line)
            for child in mirror.children {
                guard let label = child.label, let childSchema = schema.keys[label] else { continue }
                assertKeys(child.value, match: childSchema, at: "\(path).\(label)", file: file, line: line)
            }
        default:
            XCTAssertTrue(schema.keys.isEmpty, "\(path) is a plain value, but keys are read for it: \(schema)", file: file, line: line)
        }
    }
}
