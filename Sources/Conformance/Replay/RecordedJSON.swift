/// Recorded JSON compared and quoted as the replay has always done it: absent equals null, numbers
/// by value, booleans apart from numbers, the first difference (keys in code-point order) as a short
/// reason; values printed as recorded (members in order). `nil` stands for an absent value.
enum RecordedJSON {
    /// nil when equal, else where and how they differ (`$.a.b: "x" became "y"`).
    static func difference(_ a: OrderedJSON?, _ b: OrderedJSON?, path: String = "$") -> String? {
        switch (a ?? .null, b ?? .null) {
        case (.bool(let x), .bool(let y)):
            return x == y ? nil : "\(path): \(short(a)) became \(short(b))"
        case (.bool, _), (_, .bool):
            return "\(path): \(short(a)) became \(short(b))"
        case (.number(let x), .number(let y)):
            if x == y || Double(x) == Double(y) { return nil }
            return "\(path): number \((a ?? .null).numberText) became \((b ?? .null).numberText)"
        case (.object(let x), .object(let y)):
            let xa = Dictionary(x.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let yb = Dictionary(y.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            for key in Set(xa.keys).union(yb.keys).sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
                let vx = present(xa[key]), vy = present(yb[key])
                if vx == nil && vy == nil { continue }
                guard let vy else { return "\(path).\(key): dropped (was \(short(vx)))" }
                guard let vx else { return "\(path).\(key): added \(short(vy))" }
                if let reason = difference(vx, vy, path: "\(path).\(key)") { return reason }
            }
            return nil
        case (.array(let x), .array(let y)):
            if x.count != y.count { return "\(path): array of \(x.count) became \(y.count)" }
            for (index, (vx, vy)) in zip(x, y).enumerated() {
                if let reason = difference(vx, vy, path: "\(path)[\(index)]") { return reason }
            }
            return nil
        case (.null, .null):
            return nil
        case (.string(let x), .string(let y)) where x == y:
            return nil
        default:
            return "\(path): \(short(a)) became \(short(b))"
        }
    }

    static func present(_ value: OrderedJSON?) -> OrderedJSON? {
        if case .null? = value { return nil }
        return value
    }

    /// The value as JSON text, cut at 60 characters (`…...`).
    static func short(_ value: OrderedJSON?) -> String {
        let text = (value ?? .null).text
        return text.unicodeScalars.count <= 60 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
    }

    /// The value at an assertion's path (`a.b[0][1].c`), nil when absent.
    static func value(at path: String?, in document: OrderedJSON?) -> OrderedJSON? {
        var current = document
        for step in Regex.all("([^.\\[\\]]+)|\\[(\\d+)\\]", path ?? "") {
            guard let value = current else { return nil }
            if let key = step[1] {
                guard case .object = value, let member = value[key] else { return nil }
                current = member
            } else if let index = step[2].flatMap({ Int($0) }) {
                switch value {
                case .array(let items) where index < items.count: current = items[index]
                case .string(let s) where index < s.unicodeScalars.count:
                    // indexing text gives one character
                    current = .string(String(s.unicodeScalars[s.unicodeScalars.index(s.unicodeScalars.startIndex, offsetBy: index)]))
                default: return nil
                }
            }
        }
        return current
    }

    /// The number of items of a list response: the array itself, its `data` array, or its only array member.
    static func itemsCount(_ document: OrderedJSON?) -> Int? {
        switch document {
        case .array(let items)?: return items.count
        case .object(let members)?:
            if case .array(let items)? = document?["data"] { return items.count }
            let lists = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }).values.compactMap { value -> Int? in
                if case .array(let items) = value { return items.count }
                return nil
            }
            return lists.count == 1 ? lists[0] : nil
        default: return nil
        }
    }

    /// Python's `len` of a list, object or string (nil for other values).
    static func length(_ value: OrderedJSON?) -> Int? {
        switch value {
        case .array(let items)?: return items.count
        case .object(let members)?: return Set(members.map(\.key)).count
        case .string(let s)?: return s.unicodeScalars.count
        default: return nil
        }
    }
}
