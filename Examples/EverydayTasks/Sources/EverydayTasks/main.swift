// Everyday tasks with the generated SDK (DatadogV2, from the Status Pages reference pages), run
// against a stand-in of the Datadog API on loopback so that it needs no account:
//
//   1. configure the EU site and the keys from the environment,
//   2. create a resource with a nested body,
//   3. list page by page with the paginated method,
//   4. handle a 429: retried after X-RateLimit-Reset, or read its rate limit when the wait is too long,
//   5. handle a 404 with its decoded error body,
//   6. handle a connection failure.
//
//   swift run EverydayTasks      (exits non-zero when the SDK does not behave as shown)
import DatadogTesting
import DatadogV2
import Foundation

/// Stops the example with a message when `condition` does not hold.
func check(_ condition: Bool, _ message: String) {
    guard condition else {
        FileHandle.standardError.write(Data("EverydayTasks: FAILED: \(message)\n".utf8))
        exit(1)
    }
}

let server = try await StandInServer.start()
StandInAPI().install(on: server)

// 1. Configuration. `DatadogConfiguration()` reads DD_SITE, DD_API_KEY and DD_APP_KEY from the
//    process environment; the example passes an environment of its own so that it runs anywhere.
var configuration = DatadogConfiguration(environment: [
    "DD_SITE": "datadoghq.eu", "DD_API_KEY": "example-api-key", "DD_APP_KEY": "example-app-key",
])
check(configuration.site == .eu1, "DD_SITE=datadoghq.eu selects the EU site")
configuration.baseURL = server.baseURL  // the stand-in instead of https://api.datadoghq.eu
configuration.retry = RetryPolicy(isEnabled: true, maxRetries: 2, maxWait: .seconds(5))
let statusPages = StatusPagesAPI(configuration: configuration)
print("1. configured for \(configuration.site.rawValue), requests go to \(server.baseURL)")

// 2. Create a resource with a nested body: only the request's type is named, `.init` builds the rest.
let body = CreateBackfilledDegradationRequest(
    data: .init(
        type: .degradations,
        attributes: .init(
            title: "Past API outage",
            updates: [
                .init(
                    startedAt: Date(timeIntervalSince1970: 1_700_000_000), status: .investigating,
                    componentsAffected: [.init(id: "component-1", status: .degraded)],
                    description: "Elevated error rates."),
                .init(startedAt: Date(timeIntervalSince1970: 1_700_003_600), status: .resolved),
            ])))
let degradation = try await statusPages.createBackfilledDegradation(pageId: "page-1", body: body)
check(degradation.data?.id == "degradation-1", "the created degradation comes back")
check(server.requests.last?.header("DD-API-KEY") == "example-api-key", "the API key from the environment is sent")
print("2. created degradation \(degradation.data?.id ?? "-"): \(degradation.data?.attributes?.title ?? "")")

// 3. Every status page, page by page (the SDK asks for the next page as the loop needs it).
var names: [String] = []
for try await page in statusPages.listStatusPagesPaginated(pageLimit: 2) {
    names.append(page.attributes?.name ?? "-")
}
check(names.count == StandInAPI.statusPageCount, "every status page is listed")
print("3. listed \(names.count) status pages in \(server.requests(matching: .init("GET", "/api/v2/statuspages")).count) requests: \(names.joined(separator: ", "))")

// 4a. A 429 with a short X-RateLimit-Reset is retried after the wait the server asks for.
let busy = try await statusPages.getStatusPage(pageId: "busy")
check(busy.data?.id == "busy" && server.requests(matching: .init("GET", "/api/v2/statuspages/busy")).count == 2, "a 429 is retried once, then succeeds")
print("4. a 429 was retried after X-RateLimit-Reset and succeeded")
// 4b. A wait longer than `maxWait` fails at once: the error says how long to wait.
do {
    _ = try await statusPages.getStatusPage(pageId: "overloaded")
    check(false, "an hour-long rate limit fails at once")
} catch let error as DatadogAPIError where error.statusCode == 429 {
    let limit = error.rateLimit
    check(limit?.remaining == 0 && limit?.limit == 60 && limit?.reset == .seconds(3600), "rate-limit values")
    print("   rate limited: \(limit?.description ?? "") - come back after \(error.retryAfter ?? .zero)")
}

// 5. A 404: the documented error body, decoded.
do {
    _ = try await statusPages.getStatusPage(pageId: "missing")
    check(false, "an unknown page is a 404")
} catch let error as DatadogAPIError where error.statusCode == 404 {
    let decoded = error.decodedBody(as: APIErrorResponse.self)
    check(decoded?.errors == ["Status page not found"], "the 404 body decodes")
    print("5. 404: \(decoded?.errors.joined(separator: "; ") ?? "")")
}

// 6. Nothing listens: a typed, one-line client error that keeps the transport's own.
var offline = configuration
offline.baseURL = URL(string: "http://127.0.0.1:1")
offline.retry = .disabled
do {
    _ = try await StatusPagesAPI(configuration: offline).getStatusPage(pageId: "page-1")
    check(false, "nothing listens on port 1")
} catch DatadogClientError.cannotConnect(let failure) {
    print("6. cannot connect: \(failure.reason) (underlying \(type(of: failure.underlying)))")
}
await server.stop()
print("EverydayTasks: all tasks done")
