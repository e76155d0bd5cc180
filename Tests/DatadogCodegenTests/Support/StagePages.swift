import Foundation

/// Builds small reference pages for the stage tests: one v2 tab with the site table, an optional
/// Path Parameters table, an optional request body (Model rows and JSON example) and a response.
enum StagePages {
    /// A page; `parameters` are `| name | type | description |` rows, `body` and `response` are
    /// `| parent | field | type | description |` rows.
    static func page(title: String = "Update a thing", method: String = "PATCH", path: String = "/api/v2/things/{thing_id}",
                     parameters: [String] = [], body: [String]? = nil, bodyExample: String = "{}",
                     response: [String]? = nil, responseExample: String = "{}") -> String {
        var lines = ["---", "title: \(title)", "breadcrumbs: Docs > API Reference > Things", "---", "", "# \(title)", "",
                     "{% tab title=\"v2\" %}", "",
                     "| Datadog site      | API endpoint |", "| ----------------- | ------------ |",
                     "| app.datadoghq.com | \(method) https://api.datadoghq.com\(path) |", "", "### Overview", "", "Does things.", ""]
        if !parameters.isEmpty {
            lines += ["### Arguments", "", "#### Path Parameters", "", "| Name | Type | Description |", "| ---- | ---- | ----------- |"]
            lines += parameters + [""]
        }
        if let body {
            lines += ["### Request", "", "#### Body Data (required)", "", "{% tab title=\"Model\" %}", "",
                      "| Parent field | Field | Type | Description |", "| ------------ | ----- | ---- | ----------- |"]
            lines += body + ["", "{% /tab %}", "", "{% tab title=\"Example\" %}", "", "```json", bodyExample, "```", "", "{% /tab %}", ""]
        }
        lines += ["### Response", "", "{% tab title=\"200\" %}", "", "OK", ""]
        if let response {
            lines += ["{% tab title=\"Model\" %}", "", "| Parent field | Field | Type | Description |", "| ------------ | ----- | ---- | ----------- |"]
            lines += response + ["", "{% /tab %}", "", "{% tab title=\"Example\" %}", "", "```json", responseExample, "```", "", "{% /tab %}", ""]
        }
        lines += ["{% /tab %}", "", "{% /tab %}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }
}
