/// Stage 4, the first of two runs per API version: the names the code examples teach, learned by
/// building every operation of the version once and keeping only what the examples named.
///
/// Why a whole building run and not a lighter pass: the names are learned where ``TypeBuilder``
/// aligns an example with the rows (a Python constructor's arguments with an object's fields, a
/// list's elements with a oneOf's options, an enum attribute with its row) and from the enums it
/// declares (``EnumConstants`` spreads over their final names). A separate walk would be a second
/// copy of that alignment. Why before the kept run and not during it: a name learned on a later page
/// names the copies of the same schema on earlier pages (``NameSpreading``), and names are given
/// as declarations are made, so every name must be known before the first declaration.
struct LearnedNames: Sendable {
    /// The names learned from the examples, with the signatures of the rows they named.
    var spreading: NameSpreading
    /// The names the examples spell: the official clients' names.
    var official: Set<String>
    /// The enum constants the examples spell, spread over the enums the run declared.
    var constants: EnumConstants
}

enum NameLearning {
    /// What building `version`'s operations on every page teaches (its types and diagnostics are thrown away).
    static func learn(_ version: String, pages: [AnalyzedPage], naming: OperationNaming) -> LearnedNames {
        var learning = TypeBuilder()
        _ = Generator.buildOperations(version, pages: pages, naming: naming, builder: &learning)
        return LearnedNames(spreading: NameSpreading(learning.learned), official: learning.officialNames,
                            constants: learning.learnedConstants)
    }
}

extension TypeBuilder {
    /// An empty builder that names rows and enum cases after what ``NameLearning`` learned.
    init(learned: LearnedNames) {
        self.init(spreading: learned.spreading, knownOfficial: learned.official, constants: learned.constants)
    }
}
