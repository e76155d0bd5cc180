/// The values one template sees (stage 5): a structure of strings, numbers, flags, lists,
/// optionals and nested structures. A list is a section repeated per item, a flag or an optional a
/// section shown when set.
///
/// Render models carry data (names, types, literals, flags); the layout, punctuation and
/// indentation of the generated code are the templates'. They are `Codable` for two derived views
/// and nothing else: `Decodable` so that ``RenderKeys/init(of:)`` reads their keys from the type
/// (none is ever decoded), `Encodable` so that ``RenderValue`` hands Mustache typed values it reads
/// without `Mirror` (none is ever encoded to data).
///
/// Note: Mustache looks a name up outwards when a context has no value for it, and an optional
/// that is nil counts as no value. Keys of optionals are named apart from the keys of the
/// contexts around them (``RenderKeys/optional``; `TemplateTests` checks every model).
protocol TemplateModel: Sendable, Codable {
    /// The template (`<template>.mustache`) the model is rendered with.
    static var template: String { get }
}

/// A parameter of a generated function: `label: type`, or `label: type = defaultValue`.
struct ParameterModel: Sendable, Codable, Equatable {
    /// The escaped Swift name.
    var label: String
    /// The Swift type, with the `?` of an optional parameter.
    var type: String
    /// The default value's Swift expression, if the parameter has one.
    var defaultValue: String?
}
