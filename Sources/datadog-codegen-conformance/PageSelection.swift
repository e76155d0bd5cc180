import ArgumentParser

/// Which pages a run scores, shared by `run` and `score`: leave-tags-out folds and pages without
/// their code examples.
struct PageSelection: ParsableArguments {
    @Option(help: "Score only the tags (page folders) listed in FILE, one a line (leave-tags-out folds).")
    var tagsFrom: String?

    @Option(help: "Leave out the tags listed in FILE.")
    var excludeTagsFrom: String?

    @Flag(help: "Generate from copies of the pages without their client code examples (curl stays).")
    var stripCodeExamples = false
}
