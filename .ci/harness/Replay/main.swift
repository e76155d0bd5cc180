// The replay of recorded traffic (figure 6 of .ci/conformance). Reads {cassettes, calls, unstable}
// from the file named by argv[1], starts the loopback server (LoopbackServer.swift), and for each
// call sets the server to the call's cassette, calls the generated method (Generated/Ops*.swift,
// rendered from the dump; each file registers its functions by "<version>.<OperationId>") and prints
// one JSON line: {"id", "outcome": ok|api_error|client_error|error, "json"|"data_b64"|"status"|"error",
// "requests": [what the server received]}. The comparisons are done by the driver.
import Foundation
import DatadogRuntime

let replayTable: [String: ReplayFunction] = {
    var table: [String: ReplayFunction] = [:]
    registerReplayFunctions(&table)
    return table
}()

func dispatch(_ call: ReplayCall) async throws -> ReplayOutcome? {
    guard let function = replayTable[call.version + "." + call.operationId] else { return nil }
    return try await function(call)
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

let input = try JSONDecoder().decode(ReplayInput.self, from: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1])))
let server = ReplayServer.shared
server.unstable = input.unstable
try await server.start()
var currentCassette = -1
for call in input.calls {
    if call.cassette != currentCassette {
        currentCassette = call.cassette
        server.resetUsed()
    }
    server.begin(input.cassettes[call.cassette], expected: call.interaction)
    var out: [String: Any] = ["id": call.id]
    do {
        switch try await dispatch(call) {
        case nil:
            out["outcome"] = "error"
            out["error"] = "harness: no function for \(call.version).\(call.operationId)"
        case .none?:
            out["outcome"] = "ok"
        case .json(let text)?:
            out["outcome"] = "ok"
            out["json"] = text
        case .data(let data)?:
            out["outcome"] = "ok"
            out["data_b64"] = data.base64EncodedString()
        }
    } catch let error as DatadogAPIError {
        out["outcome"] = "api_error"
        out["status"] = error.statusCode
        if let response = error.errorResponse {
            do {
                out["json"] = String(decoding: try DatadogJSON.makeEncoder().encode(response), as: UTF8.self)
            } catch {
                out["encode_error"] = "\(error)"
            }
        }
    } catch let error as DatadogClientError {
        out["outcome"] = "client_error"
        switch error {
        case .decoding(let type, let underlying, _):
            out["error"] = "decode \(type): \(underlying)"
        default:
            out["error"] = error.description
        }
    } catch let error as ReplayEncodeError {
        out["outcome"] = "error"
        out["error"] = "encode: \(error.reason)"
    } catch let error as ReplayError {
        out["outcome"] = "error"
        out["error"] = error.description
    } catch {
        out["outcome"] = "error"
        out["error"] = "\(type(of: error)): \(error)"
    }
    out["requests"] = server.take().map { r -> [String: Any] in
        var o: [String: Any] = [
            "method": r.method, "target": r.target, "matched": r.matched, "answered": r.answered,
            "body_b64": r.body.base64EncodedString(),
        ]
        if let contentType = r.contentType { o["content_type"] = contentType }
        return o
    }
    emit(out)
}
