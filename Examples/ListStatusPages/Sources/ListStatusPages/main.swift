// Lists the organization's status pages, page by page, with the generated SDK.
//
//   DD_API_KEY=… DD_APP_KEY=… swift run ListStatusPages
//
// DD_SITE selects the Datadog site (default datadoghq.com, e.g. datadoghq.eu); DD_BASE_URL
// (this example's own setting) sends the requests to another server, such as a local mock.
import DatadogV2
import Foundation

var configuration = DatadogConfiguration() // DD_SITE, DD_API_KEY, DD_APP_KEY from the environment
guard configuration.apiKey != nil, configuration.applicationKey != nil else {
    FileHandle.standardError.write(Data("Set DD_API_KEY and DD_APP_KEY (and DD_SITE if not datadoghq.com).\n".utf8))
    exit(2)
}
configuration.retry = .default // retry 429 and 5xx answers with backoff
if let base = ProcessInfo.processInfo.environment["DD_BASE_URL"], !base.isEmpty {
    configuration.baseURL = URL(string: base)
}

let api = StatusPagesAPI(configuration: configuration)
let pageSize: Int64 = 50

// Offset pagination: keep asking until a page comes back short.
let statusPages = PaginatedSequence<StatusPageArrayDataItems>(initialState: .offset(0, limit: pageSize)) { state in
    guard case .offset(let offset, let limit) = state else { return ([], nil) }
    let page = try await api.listStatusPages(pageOffset: offset, pageLimit: limit)
    return (page.data, state.advanced(byReceiving: page.data.count))
}

do {
    var count = 0
    for try await statusPage in statusPages {
        count += 1
        let name = statusPage.attributes?.name ?? "(unnamed)"
        let prefix = statusPage.attributes?.domainPrefix.map { " https://\($0).statuspage.datadoghq.com" } ?? ""
        print("\(statusPage.id ?? "-")  \(name)\(prefix)")
    }
    print("\(count) status page(s) on \(configuration.site)")
} catch let error as DatadogAPIError {
    // A non-2xx answer: its status, the API's error messages and the raw body are available.
    FileHandle.standardError.write(Data("Datadog answered \(error.statusCode): \(error.messages.joined(separator: "; "))\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("Request failed: \(error)\n".utf8))
    exit(1)
}
