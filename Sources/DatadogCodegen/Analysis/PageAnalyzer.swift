/// Stage 3: a page's sections (``Page``) → ``AnalyzedPage``. Each `Parent field` table becomes a
/// field tree (``FieldTreeBuilder``, with the section's JSON example as evidence) and each tab's
/// code examples become ``CodeExampleHints``. Pages are independent here (run on all cores).
public enum PageAnalyzer {
    /// Analyzes `page`, reporting to `log` (the page's diagnostics so far). A page whose log holds
    /// an error, before or after its field trees are built, keeps no operations.
    public static func analyze(_ page: Page, log: inout DiagnosticLog) -> AnalyzedPage {
        let operations = page.operations.map { operation in
            AnalyzedOperation(
                section: operation,
                hints: CodeExampleHints(examples: operation.codeExamples),
                requestBody: operation.requestBody.map { AnalyzedBody(section: $0, fields: fields(of: $0.schema, log: &log)) },
                responses: operation.responses.map { AnalyzedResponse(section: $0, fields: fields(of: $0.schema, log: &log)) })
        }
        return AnalyzedPage(file: page.file, title: page.title, tag: page.tag, operations: log.hasErrors ? [] : operations)
    }

    /// The schema's table as a field tree (empty without a table).
    static func fields(of schema: PageSchema, log: inout DiagnosticLog) -> [FieldNode] {
        schema.table.map { FieldTreeBuilder.build(table: $0, example: schema.example, log: &log) } ?? []
    }
}
