import Foundation

/// `ok/total = 12.34%` as every figure prints it; an empty figure is 100 %.
public struct Percent: Sendable, Codable, Equatable {
    public var ok: Int
    public var total: Int

    public init(_ ok: Int, _ total: Int) {
        self.ok = ok
        self.total = total
    }

    public var value: Double { total == 0 ? 100.0 : 100.0 * Double(ok) / Double(total) }

    public var text: String { "\(ok)/\(total) = \(String(format: "%.2f", value))%" }
}
