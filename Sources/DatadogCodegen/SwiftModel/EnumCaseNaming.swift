/// Enum case names (a pure function of an enum's values, the constants the examples spell for it
/// and its description).
///
/// The official clients name a case by a constant: the value in UPPER_SNAKE (`in_progress` →
/// `IN_PROGRESS`, `-timestamp` → `TIMESTAMP_DESCENDING`), or a name the specification gives
/// (`asc` → `ASCENDING`, `1h` → `PAST_ONE_HOUR`, `0` → `UNSPECIFIED`). A case is the lowerCamel
/// form of its constant (`.inProgress`, `.pastOneHour`): the constant the examples spell when one
/// denotes the value, else the name the description gives an integer (`` `0` (unspecified) ``),
/// else the value's own words. Raw values never change.
enum EnumCaseNaming {
    /// One case per distinct value, in value order, names unique and declarable.
    /// `constants`: value → the constant the examples spell for it (`asc` → `ASCENDING`).
    static func cases(values: [String], isString: Bool, constants: [String: String], description: String) -> [EnumCaseDecl] {
        let described = isString ? [:] : describedNames(description, values: values)
        var used: Set<String> = []
        var seen: Set<String> = []
        var cases: [EnumCaseDecl] = []
        for value in values where seen.insert(value).inserted {
            var name: String
            if let constant = constants[value] {
                name = constantCaseName(constant)
            } else if let word = described[value] {
                name = word
            } else if isString, !value.hasPrefix("-"), values.contains("-" + value) {
                // A sort order's `x` beside `-x` is x ascending (`TIMESTAMP_ASCENDING`).
                name = valueCaseName(value, isString: true) + "Ascending"
            } else {
                name = valueCaseName(value, isString: isString)
            }
            if name.isEmpty || name.first == "_" { name = valueCaseName(value, isString: false) }
            if Identifiers.unusableMemberNames.contains(name) { name += "_" }
            cases.append(EnumCaseDecl(name: Identifiers.unique(name, in: &used), rawValue: value))
        }
        return cases
    }

    /// `NOT_DEFINED` → `notDefined`, `PERCENTILE_90` → `percentile90`: words lowered, then lowerCamel.
    static func constantCaseName(_ constant: String) -> String {
        let words = Identifiers.words(constant).map { $0.lowercased() }
        return Identifiers.lowerCamel(words.joined(separator: "_"))
    }

    /// The case name of a value no constant or description names: its words in lowerCamel
    /// (an all-capitals value read as a constant: `NOT_DEFINED` → `notDefined`); a sort order's
    /// `-x` is `xDescending`; a value that cannot start an identifier (`1h`, `-1`) is `value1h`, `valueMinus1`.
    static func valueCaseName(_ value: String, isString: Bool) -> String {
        if !isString || value.isEmpty {
            if value.isEmpty { return "empty" }
            return Identifiers.capped("value" + Identifiers.upperCamel(value.replacingOccurrences(of: "-", with: "minus ").replacingOccurrences(of: ".", with: "dot ")))
        }
        if value.hasPrefix("-"), let first = value.dropFirst().first, first.isLetter {
            return valueCaseName(String(value.dropFirst()), isString: true) + "Descending"
        }
        if let words = operatorWords[value] { return constantCaseName(words) }
        let letters = value.unicodeScalars.filter { $0.properties.isAlphabetic }
        let name = !letters.isEmpty && letters.allSatisfy({ $0.properties.isUppercase }) ? constantCaseName(value) : Identifiers.lowerCamel(value)
        if name.isEmpty { return "value" }
        if name.first == "_" { return valueCaseName(value, isString: false) }
        return name
    }

    /// Comparison operators as the official clients spell them (`>=` → `GREATER_THAN_OR_EQUAL_TO`).
    static let operatorWords: [String: String] = [
        ">": "GREATER_THAN", ">=": "GREATER_THAN_OR_EQUAL_TO", "<": "LESS_THAN", "<=": "LESS_THAN_OR_EQUAL_TO",
        "=": "EQUAL_TO", "==": "EQUAL_TO", "!=": "NOT_EQUAL_TO",
    ]

    /// Names an integer enum's description gives its values: `` `0` (unspecified), `1` (count) `` → `0` → `unspecified`.
    static func describedNames(_ description: String, values: [String]) -> [String: String] {
        let wanted = Set(values)
        var names: [String: String] = [:]
        var rest = Substring(description)
        while let open = rest.firstIndex(of: "`") {
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: "`") else { break }
            let value = String(afterOpen[..<close])
            rest = afterOpen[afterOpen.index(after: close)...]
            let tail = rest.drop { $0 == " " }
            guard wanted.contains(value), tail.first == "(", let end = tail.firstIndex(of: ")") else { continue }
            let word = constantCaseName(String(tail[tail.index(after: tail.startIndex)..<end]))
            if !word.isEmpty, word.first?.isLetter == true, word.utf8.count <= 60 { names[value] = word }
        }
        // Two values described alike name neither.
        let counts = Dictionary(grouping: names.values, by: { $0 }).mapValues(\.count)
        return names.filter { counts[$0.value] == 1 }
    }

    /// Which of `values` each constant denotes (value → constant). Rules, in order, each giving a
    /// constant the one value it fits among those not yet taken: the value's letters and digits
    /// spell the constant's (`in_progress` → `IN_PROGRESS`; `-x` → `X_DESCENDING`); the value's
    /// characters appear in order in the constant, starting alike (`asc` → `ASCENDING`,
    /// `pc90` → `PERCENTILE_90`, `expanded-md` → `EXPANDED_MEDIUM`); the value's parts, numbers
    /// read as English words, start successive words of the constant (`1h` → `PAST_ONE_HOUR`,
    /// `3` → `THREE`, `bytes` → `DECODE_BYTES`; of several, the longest value: `1mo` over `1m`
    /// for `PAST_ONE_MONTH`); the one value of a single-valued enum spelled with one constant
    /// (`metric_bulk_configure_tags` → `BULK_MANAGE_TAGS`), unless `spellingOnly` (which enum a
    /// constant belongs to is then the question). A constant no rule fits names nothing.
    static func match(_ constants: Set<String>, values: [String], spellingOnly: Bool = false) -> [String: String] {
        var result: [String: String] = [:]
        var open = Set(constants)
        var forms = Forms(values: values)
        let rules: [(Int, String) -> Bool] = [
            { index, constant in forms.spells(index, constant) },
            { index, constant in forms.abbreviates(index, constant) },
            { index, constant in forms.startsWords(index, constant) },
            // The one value of a single-valued enum, which the pages list in full.
            { _, _ in !spellingOnly && values.count == 1 && open.count == 1 },
        ]
        for rule in rules {
            for constant in open.sorted() {
                let fits = values.indices.filter { result[values[$0]] == nil && !forms.keys[$0].isEmpty && rule($0, constant) }
                let longest = fits.map { forms.lengths[$0] }.max()
                let best = fits.filter { forms.lengths[$0] == longest }
                guard best.count == 1 else { continue }
                result[values[best[0]]] = constant
                open.remove(constant)
            }
        }
        return result
    }

    /// Whether ``match(_:values:spellingOnly:)`` with `spellingOnly` gives every constant a value. A constant
    /// that no rule fits with any value gets none, so most enums are ruled out before the matching.
    static func spellsAll(_ constants: Set<String>, values: [String]) -> Bool { spellsAll(values: values)(constants) }

    /// ``spellsAll(_:values:)`` for many constant sets against one value list (the values' forms computed once).
    static func spellsAll(values: [String]) -> (Set<String>) -> Bool {
        var forms = Forms(values: values)
        return { constants in
            for constant in constants {
                let fitsSome = values.indices.contains { index in
                    !forms.keys[index].isEmpty
                        && (forms.spells(index, constant) || forms.abbreviates(index, constant) || forms.startsWords(index, constant))
                }
                if !fitsSome { return false }
            }
            return match(constants, values: values, spellingOnly: true).count == constants.count
        }
    }

    /// The normalised forms of an enum's values and constants that the rules compare, each computed once.
    private struct Forms {
        let values: [String]
        /// Each value's key and its length in characters.
        let keys: [String]
        let lengths: [Int]
        /// Each value's keys a constant spells exactly: its own, `x` + `descending` for `-x`, `x` + `ascending` beside `-x`, an operator's words.
        let spellings: [[String]]
        private var parts: [Int: [String]] = [:]
        private var constantKeys: [String: String] = [:]
        private var constantWords: [String: [String]] = [:]

        init(values: [String]) {
            self.values = values
            let keys = values.map { EnumCaseNaming.key($0) }
            self.keys = keys
            lengths = keys.map(\.count)
            spellings = values.indices.map { index in
                let value = values[index]
                let descending = value.hasPrefix("-") ? EnumCaseNaming.key(String(value.dropFirst())) + "descending" : nil
                let ascending = values.contains("-" + value) ? keys[index] + "ascending" : nil
                return [keys[index], descending, ascending, operatorWords[value].map { EnumCaseNaming.key($0) }].compactMap { $0 }
            }
        }

        /// Rule 1: the value's letters and digits spell the constant's.
        mutating func spells(_ index: Int, _ constant: String) -> Bool { spellings[index].contains(key(constant)) }

        /// Rule 2: the value's characters appear in order in the constant, starting alike (or end it, three or more).
        mutating func abbreviates(_ index: Int, _ constant: String) -> Bool {
            let v = keys[index], c = key(constant)
            return v.first == c.first && isSubsequence(v, of: c) || lengths[index] >= 3 && c.hasSuffix(v)
        }

        /// Rule 3: the value's parts start successive words of the constant.
        mutating func startsWords(_ index: Int, _ constant: String) -> Bool {
            if parts[index] == nil { parts[index] = EnumCaseNaming.parts(values[index]) }
            if constantWords[constant] == nil { constantWords[constant] = Identifiers.words(constant).map { $0.lowercased() } }
            return EnumCaseNaming.startsWords(parts[index]!, of: constantWords[constant]!)
        }

        private mutating func key(_ constant: String) -> String {
            if let known = constantKeys[constant] { return known }
            let computed = EnumCaseNaming.key(constant)
            constantKeys[constant] = computed
            return computed
        }
    }

    /// Letters and digits, lowercased.
    static func key(_ text: String) -> String {
        String(text.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            .map { Character($0) }).lowercased()
    }

    static func isSubsequence(_ short: String, of long: String) -> Bool {
        var iterator = long.makeIterator()
        return short.allSatisfy { character in
            while let next = iterator.next() { if next == character { return true } }
            return false
        }
    }

    /// Runs of letters (lowercased) and numbers (as English words) of a value: `1mo` → `one`, `mo`.
    static func parts(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit { parts += Int(current).flatMap(numberWords) ?? [current] } else { parts.append(current) }
            current = ""
        }
        for character in key(value) {
            if !current.isEmpty, character.isNumber != currentIsDigit { flush() }
            currentIsDigit = character.isNumber
            current.append(character)
        }
        flush()
        return parts
    }

    /// Whether each part starts a word of `words`, in order (words may be skipped).
    static func startsWords(_ parts: [String], of words: [String]) -> Bool {
        guard !parts.isEmpty else { return false }
        var index = 0
        for part in parts {
            while index < words.count, !words[index].hasPrefix(part) { index += 1 }
            guard index < words.count else { return false }
            index += 1
        }
        return true
    }

    /// `21` → `twenty`, `one`; numbers 0–999 only.
    static func numberWords(_ number: Int) -> [String]? {
        let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        switch number {
        case 0..<20: return [small[number]]
        case 20..<100: return [tens[number / 10]] + (number % 10 == 0 ? [] : [small[number % 10]])
        case 100..<1000: return [small[number / 100], "hundred"] + (number % 100 == 0 ? [] : numberWords(number % 100)!)
        default: return nil
        }
    }
}
