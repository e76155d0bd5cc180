import Foundation
import XCTest

@testable import DatadogRuntime

final class ConfigurationTests: XCTestCase {
    func testDefaultsWithEmptyEnvironment() {
        let configuration = DatadogConfiguration(environment: [:])
        XCTAssertEqual(configuration.site, .us1)
        XCTAssertNil(configuration.apiKey)
        XCTAssertNil(configuration.applicationKey)
        XCTAssertNil(configuration.bearerToken)
        XCTAssertNil(configuration.baseURL)
        XCTAssertEqual(configuration.timeout, .seconds(60))
        XCTAssertFalse(configuration.retry.isEnabled)
        XCTAssertFalse(configuration.compressRequests)
        XCTAssertTrue(configuration.enabledUnstableOperations.isEmpty)
        XCTAssertEqual(configuration.logger.label, "datadog.api")
    }

    func testEnvironmentFillsGaps() {
        let environment = ["DD_SITE": "datadoghq.eu", "DD_API_KEY": "env-api", "DD_APP_KEY": "env-app"]
        let configuration = DatadogConfiguration(environment: environment)
        XCTAssertEqual(configuration.site, .eu1)
        XCTAssertEqual(configuration.apiKey, "env-api")
        XCTAssertEqual(configuration.applicationKey, "env-app")
        XCTAssertEqual(DatadogConfiguration(environment: ["DD_APPLICATION_KEY": "alt"]).applicationKey, "alt")
        XCTAssertEqual(DatadogConfiguration(environment: ["DD_SITE": "", "DD_API_KEY": " "]).site, .us1)
        XCTAssertNil(DatadogConfiguration(environment: ["DD_API_KEY": " "]).apiKey)
    }

    func testExplicitValuesWin() {
        let environment = ["DD_SITE": "datadoghq.eu", "DD_API_KEY": "env-api", "DD_APP_KEY": "env-app"]
        let configuration = DatadogConfiguration(
            site: .us5, apiKey: "api", applicationKey: "app", bearerToken: "tok", environment: environment)
        XCTAssertEqual(configuration.site.rawValue, "us5.datadoghq.com")
        XCTAssertEqual(configuration.apiKey, "api")
        XCTAssertEqual(configuration.applicationKey, "app")
        XCTAssertEqual(configuration.bearerToken, "tok")
    }

    func testUnstableOperations() {
        var configuration = DatadogConfiguration(environment: [:])
        let op = UnstableOperation(rawValue: "v2.ListThings")
        XCTAssertFalse(configuration.isUnstableOperationEnabled(op))
        configuration.enableUnstableOperation(op)
        XCTAssertTrue(configuration.isUnstableOperationEnabled(op))
        configuration.disableUnstableOperation(op)
        XCTAssertFalse(configuration.isUnstableOperationEnabled(op))
    }

    func testSiteNormalisation() {
        XCTAssertEqual(DatadogSite(rawValue: "app.datadoghq.com"), .us1)
        XCTAssertEqual(DatadogSite(rawValue: "https://app.datadoghq.eu"), .eu1)
        XCTAssertEqual(DatadogSite(rawValue: "https://app.datadoghq.eu/"), .eu1)
        XCTAssertEqual(DatadogSite(rawValue: " HTTPS://US3.datadoghq.com/apm/home "), .us3)
        XCTAssertEqual(DatadogSite(rawValue: "api.us5.datadoghq.com"), .us5)
        XCTAssertEqual(("ddog-gov.com" as DatadogSite), .us1Fed)
        XCTAssertEqual(
            [DatadogSite.us1, .us3, .us5, .eu1, .ap1, .ap2, .us1Fed, .us2Fed].map(\.rawValue),
            [
                "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com",
                "ap2.datadoghq.com", "ddog-gov.com", "us2.ddog-gov.com",
            ])
    }

    func testRetryPolicyDefaults() {
        XCTAssertEqual(RetryPolicy.disabled, RetryPolicy())
        XCTAssertTrue(RetryPolicy.default.isEnabled)
        XCTAssertEqual(RetryPolicy.default.maxRetries, 3)
        XCTAssertEqual((0..<4).map { RetryPolicy.default.backoff(attempt: $0) }, [2, 4, 8, 16])
    }
}

final class URLBuildingTests: XCTestCase {
    private let configuration = DatadogConfiguration(site: .eu1, environment: [:])

    func testDefaultHostPrefix() throws {
        let request = APIRequest(operationID: "ListThings", method: "GET", path: "/api/v2/things")
        XCTAssertEqual(try request.url(for: configuration).absoluteString, "https://api.datadoghq.eu/api/v2/things")
    }

    func testCustomHostPrefixAndSiteHosts() throws {
        let logs = APIRequest(
            operationID: "SubmitLog", method: "POST", path: "/api/v2/logs", hostPrefix: "http-intake.logs.")
        XCTAssertEqual(try logs.url(for: configuration).host, "http-intake.logs.datadoghq.eu")
        let irregular = APIRequest(
            operationID: "Irregular", method: "GET", path: "/v1/input", hostPrefix: "browser-intake-",
            siteHosts: ["datadoghq.eu": "browser-intake-datadoghq.eu"])
        XCTAssertEqual(try irregular.url(for: configuration).host, "browser-intake-datadoghq.eu")
        var us3 = configuration
        us3.site = .us3
        XCTAssertEqual(try irregular.url(for: us3).host, "browser-intake-us3.datadoghq.com")
    }

    func testBaseURLOverride() throws {
        var request = APIRequest(
            operationID: "SubmitLog", method: "POST", path: "/api/v2/logs", hostPrefix: "http-intake.logs.")
        request.addQuery("ddsource", "swift")
        var local = configuration
        local.baseURL = URL(string: "http://127.0.0.1:8126")
        XCTAssertEqual(try request.url(for: local).absoluteString, "http://127.0.0.1:8126/api/v2/logs?ddsource=swift")
        local.baseURL = URL(string: "https://proxy.example.com/prefix/")
        XCTAssertEqual(try request.url(for: local).absoluteString, "https://proxy.example.com/prefix/api/v2/logs?ddsource=swift")
        local.baseURL = URL(string: "http://[::1]:9000")
        XCTAssertEqual(try request.url(for: local).absoluteString, "http://[::1]:9000/api/v2/logs?ddsource=swift")
    }

    func testPathParametersArePercentEncodedAsOneSegment() throws {
        var request = APIRequest(
            operationID: "Backfill", method: "POST", path: "/api/v2/statuspages/{page_id}/degradations/{id}/backfill")
        request.setPathParameter("page_id", "a/b@c:d e")
        request.setPathParameter("id", 42)
        XCTAssertEqual(request.path, "/api/v2/statuspages/a%2Fb%40c%3Ad%20e/degradations/42/backfill")
        request = APIRequest(operationID: "x", method: "GET", path: "/v/{name}/{status}")
        request.setPathParameter("name", "ü~._-")
        request.setPathParameter("status", WidgetStatus.archived)
        XCTAssertEqual(request.path, "/v/%C3%BC~._-/archived")
    }

    func testQueryEncodingFollowsGoURLValues() throws {
        var request = APIRequest(operationID: "Query", method: "GET", path: "/api/v1/query")
        request.addQuery("query", "avg:system.cpu{host:a b}")
        request.addQuery("from", Int64(1_700_000_000))
        request.addQuery("filter[tags]", ["env:prod", "team:a&b"])
        request.addQuery("absent", String?.none)
        request.addQuery("empty", [String]())
        request.addQuery("flag", true)
        request.addQuery("ratio", 0.5)
        request.addQuery("whole", 3.0)
        request.addQuery("since", DateTime(rawValue: "2024-01-01T00:00:00+01:00"))
        request.addQuery("status", WidgetStatus.unknown("new"))
        request.addQuery("level", WidgetLevel.two)
        request.addQuery("json", JSONValue.array([1, "x"]))
        request.addQuery("null", JSONValue.null)
        request.addQuery("count", Int32(7))
        request.addQuery("id", exploding: [1, 2])
        XCTAssertEqual(
            request.pathAndQuery,
            "/api/v1/query?count=7&filter%5Btags%5D=env%3Aprod%2Cteam%3Aa%26b&flag=true&from=1700000000&id=1&id=2"
                + "&json=1%2Cx&level=2&query=avg%3Asystem.cpu%7Bhost%3Aa+b%7D&ratio=0.5"
                + "&since=2024-01-01T00%3A00%3A00%2B01%3A00&status=new&whole=3")
        XCTAssertNotNil(try request.url(for: configuration))
    }

    func testHeadersAndBodies() throws {
        var request = APIRequest(operationID: "x", method: "POST", path: "/p")
        request.setHeader("X-Count", 3)
        request.setHeader("x-count", 4)
        request.setHeader("X-None", Int?.none)
        XCTAssertEqual(request.headers.map(\.name), ["x-count"])
        XCTAssertEqual(request.header("X-COUNT"), "4")
        request.setHeader("x-count", String?.none)
        XCTAssertTrue(request.headers.isEmpty)

        try request.setJSONBody(Widget(id: "a/b"))
        XCTAssertEqual(request.body.map { String(decoding: $0, as: UTF8.self) }, #"{"id":"a/b"}"#)
        XCTAssertEqual(request.contentType, "application/json")
        request.setTextBody("hi", contentType: "text/csv")
        XCTAssertEqual(request.body, Data("hi".utf8))
        XCTAssertEqual(request.contentType, "text/csv")
        request.setDataBody(Data([1, 2]), contentType: "application/octet-stream")
        XCTAssertEqual(request.body, Data([1, 2]))
    }

    func testMultipartBody() throws {
        var request = APIRequest(operationID: "Upload", method: "POST", path: "/upload")
        request.setMultipartBody(
            [
                MultipartPart(name: "kind", text: "csv"),
                MultipartPart(name: "file", filename: "a\"b.csv", contentType: "text/csv", data: Data("x,y\n".utf8)),
            ], boundary: "BOUNDARY")
        XCTAssertEqual(request.contentType, "multipart/form-data; boundary=BOUNDARY")
        let expected =
            "--BOUNDARY\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncsv\r\n"
            + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nx,y\n\r\n--BOUNDARY--\r\n"
        XCTAssertEqual(request.body.map { String(decoding: $0, as: UTF8.self) }, expected)
        request.setMultipartBody([MultipartPart(name: "a", text: "b")])
        XCTAssertTrue(request.contentType?.hasPrefix("multipart/form-data; boundary=datadog-") == true)
    }
}

final class HeaderTests: XCTestCase {
    private func headers(
        _ auth: [AuthScheme], apiKey: String? = "api", appKey: String? = "app", bearer: String? = nil
    ) throws -> [(name: String, value: String)] {
        let configuration = DatadogConfiguration(
            apiKey: apiKey, applicationKey: appKey, bearerToken: bearer, environment: [:])
        let client = DatadogClient(configuration: configuration, transport: FakeTransport())
        return try client.makeHTTPRequest(APIRequest(operationID: "x", method: "GET", path: "/p", auth: auth)).headers
    }

    private func value(_ headers: [(name: String, value: String)], _ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    func testAuthHeadersFollowTheOperation() throws {
        var h = try headers([.apiKey, .appKey])
        XCTAssertEqual(value(h, "DD-API-KEY"), "api")
        XCTAssertEqual(value(h, "DD-APPLICATION-KEY"), "app")
        XCTAssertNil(value(h, "Authorization"))

        h = try headers([.apiKey])
        XCTAssertEqual(value(h, "DD-API-KEY"), "api")
        XCTAssertNil(value(h, "DD-APPLICATION-KEY"))

        h = try headers([])
        XCTAssertNil(value(h, "DD-API-KEY"))

        h = try headers([.apiKey, .appKey, .bearer], bearer: "tok")
        XCTAssertEqual(value(h, "Authorization"), "Bearer tok")
        XCTAssertEqual(value(h, "DD-APPLICATION-KEY"), "app")

        // The token stands in for a missing application key.
        h = try headers([.apiKey, .appKey], appKey: nil, bearer: "tok")
        XCTAssertEqual(value(h, "Authorization"), "Bearer tok")
        XCTAssertNil(value(h, "DD-APPLICATION-KEY"))

        // …but not when an application key is configured and the operation does not list bearer.
        h = try headers([.apiKey, .appKey], bearer: "tok")
        XCTAssertNil(value(h, "Authorization"))

        h = try headers([.apiKey, .appKey], apiKey: nil, appKey: nil)
        XCTAssertNil(value(h, "DD-API-KEY"))
        XCTAssertNil(value(h, "DD-APPLICATION-KEY"))
    }

    func testRequireCredentials() throws {
        var configuration = DatadogConfiguration(apiKey: "api", environment: [:])
        configuration.requireCredentials = true
        let client = DatadogClient(configuration: configuration, transport: FakeTransport())
        XCTAssertNoThrow(try client.makeHTTPRequest(APIRequest(operationID: "x", method: "GET", path: "/p", auth: [.apiKey])))
        XCTAssertThrowsError(try client.makeHTTPRequest(APIRequest(operationID: "x", method: "GET", path: "/p"))) {
            guard case DatadogClientError.missingCredentials(let what) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(what.contains("application key"))
        }
    }

    func testStandardHeaders() throws {
        let configuration = DatadogConfiguration(apiKey: "k", environment: [:])
        let client = DatadogClient(configuration: configuration, transport: FakeTransport())
        var request = APIRequest(operationID: "x", method: "POST", path: "/p")
        request.accept = "text/csv"
        request.setTextBody("a")
        request.setHeader("X-Extra", "1")
        let wire = try client.makeHTTPRequest(request)
        XCTAssertEqual(wire.headers.map(\.name), ["User-Agent", "Accept", "Content-Type", "DD-API-KEY", "X-Extra"])
        XCTAssertEqual(wire.header("accept"), "text/csv")
        XCTAssertEqual(wire.header("content-type"), "text/plain")
        XCTAssertEqual(wire.timeout, .seconds(60))
    }

    func testUserAgentShape() throws {
        let userAgent = UserAgent.value
        let pattern = #"^datadog-api-client-swift/\d+\.\d+\.\d+ \(swift \d+\.\d+; os [a-z]+; arch [a-z0-9_]+\)$"#
        XCTAssertNotNil(userAgent.range(of: pattern, options: .regularExpression), userAgent)
        #if os(Linux)
        XCTAssertTrue(userAgent.contains("; os linux;"))
        #endif
    }

    func testRedaction() {
        let headers: [(name: String, value: String)] = [
            (name: "DD-API-KEY", value: "secret1"), (name: "dd-application-key", value: "secret2"),
            (name: "Authorization", value: "Bearer secret3"), (name: "Accept", value: "application/json"),
            (name: "Cookie", value: "a=b"),
        ]
        let redacted = redactHeaders(headers)
        XCTAssertEqual(redacted.map(\.name), headers.map(\.name))
        XCTAssertEqual(
            redacted.map(\.value), ["<redacted>", "<redacted>", "Bearer <redacted>", "application/json", "<redacted>"])
        XCTAssertFalse(redacted.map(\.value).joined().contains("secret"))
        XCTAssertEqual(
            redactHeaders(["DD-API-KEY": "x", "X-Other": "y"]), ["DD-API-KEY": "<redacted>", "X-Other": "y"])
    }
}

final class CompressionTests: XCTestCase {
    private func samples() throws -> [Data] {
        let json = try jsonString((0..<400).map { Widget(id: "widget-\($0 % 7)", count: Int64($0), status: .active) })
        var random = SystemRandomNumberGenerator()
        return [
            Data(), Data("a".utf8), Data("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8), Data(json.utf8),
            Data((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) }),
            Data((0..<100_000).map { UInt8($0 % 251) }),
        ]
    }

    func testGzipDecodesWithAnIndependentZlib() throws {
        for sample in try samples() {
            let gz = try Compression.gzip(sample)
            XCTAssertEqual(Array(gz.prefix(2)), [0x1F, 0x8B])
            XCTAssertEqual(try IndependentInflater.decompress(gz, .gzip), sample, "\(sample.count) bytes")
        }
        let json = Data(try jsonString((0..<400).map { Widget(id: "widget-\($0 % 7)", count: Int64($0)) }).utf8)
        XCTAssertLessThan(try Compression.gzip(json).count, json.count / 8)
    }

    func testDeflateIsTheZlibFormatAndDecodesIndependently() throws {
        for sample in try samples() {
            let z = try Compression.zlib(sample)
            XCTAssertEqual((UInt16(z[z.startIndex]) << 8 | UInt16(z[z.startIndex + 1])) % 31, 0)
            XCTAssertEqual(try IndependentInflater.decompress(z, .zlib), sample, "\(sample.count) bytes")
        }
    }

    func testClientCompressesWhenAsked() throws {
        var configuration = DatadogConfiguration(environment: [:])
        var request = APIRequest(operationID: "SubmitLog", method: "POST", path: "/api/v2/logs")
        try request.setJSONBody(["message": "hello"])
        request.acceptsContentEncoding = true

        var client = DatadogClient(configuration: configuration, transport: FakeTransport())
        var wire = try client.makeHTTPRequest(request)
        XCTAssertNil(wire.header("Content-Encoding"), "off by default")
        XCTAssertEqual(wire.body, request.body)

        configuration.compressRequests = true
        client = DatadogClient(configuration: configuration, transport: FakeTransport())
        wire = try client.makeHTTPRequest(request)
        XCTAssertEqual(wire.header("Content-Encoding"), "gzip")
        XCTAssertEqual(try IndependentInflater.decompress(try XCTUnwrap(wire.body), .gzip), request.body)

        // An explicit Content-Encoding parameter is honoured whatever the configuration says.
        client = DatadogClient(configuration: DatadogConfiguration(environment: [:]), transport: FakeTransport())
        request.acceptsContentEncoding = false
        request.setHeader("Content-Encoding", "deflate")
        wire = try client.makeHTTPRequest(request)
        XCTAssertEqual(wire.header("Content-Encoding"), "deflate")
        XCTAssertEqual(try IndependentInflater.decompress(try XCTUnwrap(wire.body), .zlib), request.body)
        request.setHeader("Content-Encoding", "zstd1")
        XCTAssertThrowsError(try client.makeHTTPRequest(request)) {
            XCTAssertEqual($0 as? DatadogClientError, .unsupportedContentEncoding("zstd1"))
        }
    }
}
