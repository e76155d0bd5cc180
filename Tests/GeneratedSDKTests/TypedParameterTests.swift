import DatadogEdgeCasesV1
import DatadogRuntime
import DatadogTesting
import Foundation
import XCTest

/// Typed parameters of the edge-case page `search-edge-gadget-events.md` (an enum path parameter,
/// enum, date, integer, number, boolean, string-array and enum-array query parameters), sent to a
/// loopback server: the exact query string on the wire, as the official Go client writes it.
final class TypedParameterTests: XCTestCase {
    /// Records each request's URL, then sends it on.
    final class RecordingTransport: HTTPTransport {
        actor Log {
            var urls: [URL] = []
            func append(_ url: URL) { urls.append(url) }
        }

        let log = Log()
        private let next = URLSessionTransport()

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            await log.append(request.url)
            return try await next.send(request)
        }
    }

    static let answer = Data(#"{"data": [{"id": "e1", "timestamp": "2023-11-14T22:13:20.123Z"}]}"#.utf8)

    func search(_ call: (EdgeCasesAPI) async throws -> EdgeGadgetEventsResponse) async throws -> (URL, StandInServer.Request, EdgeGadgetEventsResponse) {
        let server = try await StandInServer.start { _ in StandInServer.Response.json(Self.answer, status: 200) }
        let transport = RecordingTransport()
        let configuration = DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:])
        let api = EdgeCasesAPI(client: DatadogClient(configuration: configuration, transport: transport))
        let result = try await call(api)
        let received = server.requests
        await server.stop()
        let urls = await transport.log.urls
        let url = try XCTUnwrap(urls.first)
        return (url, try XCTUnwrap(received.first), result)
    }

    func testEveryKindOfParameterIsSentAsTheOfficialClientsSendIt() async throws {
        let moment = Date(timeIntervalSince1970: 1_700_000_000.123)
        let (url, received, result) = try await search { api in
            try await api.searchEdgeGadgetEvents(
                kind: .sensor, sort: .timestampDescending, filterFrom: moment, filterTo: Date(timeIntervalSince1970: 1_700_000_000),
                start: "1700000000", pageLimit: 5, minRatio: 0.25, includeArchived: false, tags: ["env:prod", "team:a"],
                include: [.gadget, .gadgetOwner])
        }
        XCTAssertEqual(received.path, "/api/v1/edge/gadgets/sensor/events")
        XCTAssertEqual(url.query, "filter%5Bfrom%5D=2023-11-14T22%3A13%3A20.123Z&filter%5Bto%5D=2023-11-14T22%3A13%3A20.000Z"
            + "&include=gadget%2Cgadget_owner&include_archived=false&min_ratio=0.25&page%5Blimit%5D=5&sort=-timestamp"
            + "&start=1700000000&tags=env%3Aprod%2Cteam%3Aa")
        XCTAssertEqual(received.query("filter[from]"), "2023-11-14T22:13:20.123Z", "the server reads the date back")
        XCTAssertEqual(try XCTUnwrap(result.data?.first?.timestamp).timeIntervalSince1970, moment.timeIntervalSince1970, accuracy: 0.0005)
    }

    /// The README's typed call ("Calling": Status Pages has no enum or date parameter, so it shows
    /// this edge-case operation) is the block between the markers below, compiled and run here.
    func testTheReadmeTypedCallCompilesAndSendsTypedValues() async throws {
        let server = try await StandInServer.start { _ in StandInServer.Response.json(Self.answer, status: 200) }
        let configuration = server.configuration()
        var printed: [String] = []
        func print(_ value: Any) { printed.append("\(value)") }
        // README typed call: begin
        let api = EdgeCasesAPI(configuration: configuration)
        let events = try await api.searchEdgeGadgetEvents(
            kind: .sensor,                                                     // an enum path parameter
            sort: .timestampDescending,                                        // an open enum: `sort: "-timestamp"` works too
            filterFrom: Date(timeIntervalSince1970: 1_700_000_000), filterTo: Date(),  // sent as 2023-11-14T22:13:20.000Z
            include: [.gadget, .gadgetOwner])                                  // an enum array, comma-joined
        for event in events.data ?? [] {
            print(event.timestamp?.timeIntervalSince1970 ?? 0)                 // a Date; `event.$timestamp` is the text received
        }
        // README typed call: end
        let received = try XCTUnwrap(server.requests.first)
        await server.stop()
        XCTAssertEqual(received.path, "/api/v1/edge/gadgets/sensor/events")
        XCTAssertEqual(received.query("sort"), "-timestamp")
        XCTAssertEqual(received.query("filter[from]"), "2023-11-14T22:13:20.000Z")
        XCTAssertEqual(received.query("include"), "gadget,gadget_owner")
        XCTAssertEqual(printed, ["1700000000.123"])

        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let begin = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("// README typed call: begin") })
        let end = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("// README typed call: end") })
        let block = lines[(begin + 1)..<end].map { String($0.dropFirst(8)) }.joined(separator: "\n")
        XCTAssertGreaterThan(end - begin, 5)
        XCTAssertTrue(readme.contains(block), "README.md shows the block as compiled here:\n\(block)")
    }

    /// Open enums take string literals, known or not, and leave out what is nil.
    func testEnumParametersTakeStringLiteralsAndUnknownValues() async throws {
        let (url, received, _) = try await search { api in
            try await api.searchEdgeGadgetEvents(kind: "valve", sort: "name", include: ["gadget", "owner_team"])
        }
        XCTAssertEqual(received.path, "/api/v1/edge/gadgets/valve/events")
        XCTAssertEqual(url.query, "include=gadget%2Cowner_team&sort=name")
        let sort: EdgeGadgetEventsSort = "-timestamp"
        XCTAssertEqual(sort, .timestampDescending)
        XCTAssertEqual(EdgeGadgetKind(rawValue: "valve"), .unknown("valve"))
    }

    /// Every parameter type is built back from its wire text (``DatadogParameterValue``), the way a
    /// replay of recorded traffic builds its arguments.
    func testParameterTypesAreBuiltFromTheirWireText() throws {
        XCTAssertEqual(EdgeGadgetEventsSort(parameterText: "-timestamp"), .timestampDescending)
        XCTAssertEqual([SearchEdgeGadgetEventsInclude](parameterText: "gadget,gadget_owner"), [.gadget, .gadgetOwner])
        XCTAssertEqual(try XCTUnwrap(Date(parameterText: "2023-11-14T22:13:20.123Z")).timeIntervalSince1970, 1_700_000_000.123, accuracy: 0.0005)
        XCTAssertEqual(Date(parameterText: "2023-11-14T22:13:20.123Z")?.queryParameterValues, ["2023-11-14T22:13:20.123Z"])
        XCTAssertNil(Date(parameterText: "now-15m"))
        XCTAssertEqual(Int64(parameterText: "5"), 5)
        XCTAssertNil(Int64(parameterText: "five"))
        XCTAssertEqual(Double(parameterText: "0.25"), 0.25)
        XCTAssertEqual(Bool(parameterText: "false"), false)
        XCTAssertEqual([String](parameterText: "env:prod,team:a"), ["env:prod", "team:a"])
        XCTAssertEqual([String](parameterText: ""), [])
    }
}
