import Foundation

/// A file sent as one part of a `multipart/form-data` request: its bytes, the file name the
/// server sees and the part's content type.
///
/// ```swift
/// let metadata = DatadogFile(data: try Data(contentsOf: url), fileName: "idp_metadata.xml", contentType: "application/xml")
/// try await api.uploadIdPMetadata(idpFile: metadata)
/// ```
public struct DatadogFile: Sendable, Hashable {
    /// The file's bytes.
    public var data: Data
    /// The file name sent in the part's `Content-Disposition`.
    public var fileName: String
    /// The part's `Content-Type`.
    public var contentType: String

    /// Creates a file part's value.
    public init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }

    /// Reads the file at `url`; the file name is the URL's last path component.
    ///
    /// - Throws: The error of `Data(contentsOf:)` when the file cannot be read.
    public init(contentsOf url: URL, contentType: String = "application/octet-stream") throws {
        self.init(data: try Data(contentsOf: url), fileName: url.lastPathComponent, contentType: contentType)
    }
}

extension Array where Element == MultipartPart {
    /// Appends a file part; `nil` appends nothing.
    public mutating func appendFile(_ name: String, _ file: DatadogFile?) {
        guard let file else { return }
        append(MultipartPart(name: name, filename: file.fileName, contentType: file.contentType, data: file.data))
    }

    /// Appends a text part with `value`'s description (strings, numbers, booleans, open enums);
    /// `nil` appends nothing.
    public mutating func appendText(_ name: String, _ value: (some CustomStringConvertible)?) {
        guard let value else { return }
        append(MultipartPart(name: name, text: value.description))
    }

    /// Appends a part holding `value` as JSON (`Content-Type: application/json`); `nil` appends nothing.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        append(MultipartPart(name: name, contentType: "application/json", data: try DatadogJSON.makeEncoder().encode(value)))
    }
}
