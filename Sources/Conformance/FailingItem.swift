/// One failing row, name, operation, example or call: `item` is its stable line in the expected-failure
/// list (no line numbers, so that unrelated edits do not move it); `detail` is printed when it is new.
public struct FailingItem: Sendable, Equatable, Codable {
    public var item: String
    public var detail: String

    public init(_ item: String, _ detail: String) {
        self.item = item
        self.detail = detail
    }
}
