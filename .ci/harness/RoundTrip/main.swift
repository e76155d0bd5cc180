// The example round trip (figure 5 of .ci/conformance). Reads [{id, type, json}] from the file named
// by argv[1]; for each example decodes `json` into `type` with JSONDecoder (through
// `roundTripDispatch`, Generated/Dispatch.swift, rendered from the dump), re-encodes it with
// JSONEncoder and prints one JSON line: {"id": N, "json": "<re-encoded>"} or {"id": N, "error": "<reason>"}.
// The comparison is done by the driver.
import Foundation
import DatadogRuntime
import HarnessSupport

struct Example: Decodable {
    let id: Int
    let type: String
    let json: String
}

func reencode<T: Codable>(_ type: T.Type, _ data: Data) throws -> Data {
    let value: T
    do {
        value = try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
        throw HarnessError.decode(describe(error))
    }
    do {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    } catch {
        throw HarnessError.encode("\(error)")
    }
}

enum HarnessError: Error {
    case decode(String)
    case encode(String)
    case unknownType(String)
}


func dispatch(_ type: String, _ data: Data) throws -> Data {
    guard let out = try roundTripDispatch(type, data) else { throw HarnessError.unknownType(type) }
    return out
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

let input = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let examples = try JSONDecoder().decode([Example].self, from: input)
for example in examples {
    do {
        let out = try dispatch(example.type, Data(example.json.utf8))
        emit(["id": example.id, "json": String(decoding: out, as: UTF8.self)])
    } catch HarnessError.decode(let reason) {
        emit(["id": example.id, "error": "decode: " + reason])
    } catch HarnessError.encode(let reason) {
        emit(["id": example.id, "error": "encode: " + reason])
    } catch HarnessError.unknownType(let type) {
        emit(["id": example.id, "error": "harness: no entry for \(type)"])
    } catch {
        emit(["id": example.id, "error": "error: \(error)"])
    }
}
