import Foundation

/// `multipart/form-data` bodies: the parts a recording holds, the arguments a call passes for an
/// upload operation's form parameters, and what the SDK sent against both.
public enum Multipart {
    public struct Part: Sendable, Equatable {
        public var name: String
        public var fileName: String?
        public var contentType: String?
        public var data: Data
    }

    /// What the harness sends for a file parameter.
    public struct File: Codable, Sendable, Equatable {
        public var fileName: String
        /// The bytes, base64.
        public var data: String
        public var contentType: String
    }

    /// The arguments of an upload call: text parts and files by wire name, in the operation's parameter order.
    public struct Arguments: Sendable {
        public var text: [(name: String, value: String)] = []
        public var files: [(name: String, file: File)] = []
    }

    /// `multipart/form-data; boundary=…` → `…` (nil without one).
    static func boundary(_ contentType: String) -> String? {
        Regex.match("boundary=\"?([^\";]+)\"?", contentType)?[1] ?? nil
    }

    /// The media type of a `Content-Type` value, lowercased (nil when empty).
    static func mediaType(_ contentType: String?) -> String? {
        let media = (contentType ?? "").split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() } ?? ""
        return media.isEmpty ? nil : media
    }

    /// The parts of a multipart body, tolerantly (a part without a blank line after its head is skipped).
    static func split(_ raw: Data, boundary: String) -> [Part] {
        let bytes = [UInt8](raw)
        let delimiter = [UInt8]("--".utf8) + [UInt8](boundary.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        var parts: [Part] = []
        for var section in Self.split(bytes, at: delimiter).dropFirst() {
            if section.starts(with: [0x2D, 0x2D]) { break }
            if section.starts(with: [0x0D, 0x0A]) { section.removeFirst(2) }
            guard let blank = Self.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A], in: section) else { continue }
            let head = String(decoding: section[..<blank.lowerBound], as: UTF8.self)
            var data = Array(section[blank.upperBound...])
            if data.count >= 2 && data.suffix(2) == [0x0D, 0x0A] { data.removeLast(2) }
            let contentType = Regex.match("(?im)^content-type:\\s*(.+)$", head)?[1] ?? nil
            parts.append(Part(name: (Regex.match("name=\"([^\"]*)\"", head)?[1] ?? nil) ?? "",
                              fileName: Regex.match("filename=\"([^\"]*)\"", head)?[1] ?? nil,
                              contentType: contentType?.trimmingCharacters(in: .whitespacesAndNewlines), data: Data(data)))
        }
        return parts
    }

    static func split(_ bytes: [UInt8], at delimiter: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var rest = bytes[...]
        while let found = firstRange(of: delimiter, in: Array(rest)) {
            let start = rest.startIndex
            pieces.append(Array(rest[start..<start + found.lowerBound]))
            rest = rest[(start + found.upperBound)...]
        }
        pieces.append(Array(rest))
        return pieces
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return start..<start + needle.count }
        }
        return nil
    }

    /// The parts of a recorded request by name: a raw body (text or base64 with a boundary in the
    /// recorded `Content-Type`) is split; a JSON object body gives one text part per member.
    static func recordedParts(_ request: Cassette.Message) -> [String: Part] {
        if request.bodyFormat == "json", case .object(let members)? = request.body {
            var parts: [String: Part] = [:]
            for (key, value) in members {
                parts[key] = Part(name: key, fileName: nil, contentType: nil, data: Data((value.string ?? value.text).utf8))
            }
            return parts
        }
        let raw: Data
        switch request.bodyFormat {
        case "base64": raw = Data(base64Encoded: request.body?.string ?? "") ?? Data()
        case "text": raw = Data((request.body?.string ?? "").utf8)
        default: raw = Data()
        }
        guard !raw.isEmpty, let boundary = boundary(request.header("content-type") ?? "") else { return [:] }
        var parts: [String: Part] = [:]
        for part in split(raw, boundary: boundary) { parts[part.name] = part }
        return parts
    }

    /// The arguments of a `multipart/form-data` call. A file parameter takes the recorded part's bytes
    /// and file name when the recording holds the raw body; otherwise the scenario's request parameter
    /// names it (a fixture path): the harness sends bytes made from that path, with its last
    /// component as the file name.
    static func arguments(_ operation: Dump.Operation, _ interaction: Cassette.Interaction, _ cassette: Cassette) -> Arguments {
        let recorded = recordedParts(interaction.request)
        var given: [String: Cassette.Scalar] = [:]
        for parameter in cassette.requestParameters {
            // the last parameter of a name counts, as in a dictionary built from the list
            if let name = parameter.name { given[name] = parameter.given }
        }
        var out = Arguments()
        for parameter in operation.parameters ?? [] where parameter.location == "form" {
            let name = parameter.name
            let part = recorded[name], value = given[name]
            if parameter.swiftType == "DatadogFile" {
                let data: Data, fileName: String
                if let part, let recordedName = part.fileName {
                    (data, fileName) = (part.data, recordedName)
                } else if let value {
                    let last = value.text.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
                    (data, fileName) = (Data("replay file \(value.text)".utf8), last.isEmpty ? name : last)
                } else {
                    continue
                }
                out.files.append((name, File(fileName: fileName, data: data.base64EncodedString(),
                                             contentType: part?.contentType ?? "application/octet-stream")))
            } else if let part {
                out.text.append((name, String(decoding: part.data, as: UTF8.self)))
            } else if let value {
                out.text.append((name, { if case .bool = value { return value.text.lowercased() } else { return value.text } }()))
            }
        }
        return out
    }

    /// What differs between the multipart body the SDK sent and the parts the call meant to send
    /// (and the parts the recording shows, when it holds the raw body).
    static func differences(sentContentType: String?, sentBody: Data, arguments: Arguments, recordedRequest: Cassette.Message) -> [String] {
        let contentType = sentContentType ?? ""
        guard mediaType(contentType) == "multipart/form-data", let boundary = boundary(contentType) else {
            return ["request: content type \(PythonText.optional(mediaType(contentType))), expected multipart/form-data with a boundary"]
        }
        var got: [String: Part] = [:]
        for part in split(sentBody, boundary: boundary) { got[part.name] = part }
        var want = Set(arguments.text.map(\.name)).union(arguments.files.map(\.name))
        want.formUnion(recordedParts(recordedRequest).keys)
        var out: [String] = []
        if Set(got.keys) != want {
            out.append("request: multipart parts \(PythonText.list(got.keys)), expected \(PythonText.list(want))")
        }
        for (name, file) in arguments.files {
            if let part = got[name], part.fileName != file.fileName || part.data != Data(base64Encoded: file.data) {
                out.append("request: multipart file part \(name) differs from the file passed")
            }
        }
        for (name, text) in arguments.text {
            if let part = got[name], String(decoding: part.data, as: UTF8.self) != text {
                out.append("request: multipart part \(name): sent \(PythonText.bytes(part.data.prefix(60))), recorded \(PythonText.repr(String(String.UnicodeScalarView(text.unicodeScalars.prefix(60)))))")
            }
        }
        return out
    }
}
