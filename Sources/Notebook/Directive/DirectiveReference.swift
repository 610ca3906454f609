/// The reference of the directive language as text, generated from the kinds' schemas, so it
/// can never disagree with what the build accepts.
public enum DirectiveReference {
    public static func overview(_ registry: DirectiveRegistry) -> String {
        var lines = ["Directive kinds (a fenced block ```{kind} name with YAML options):", ""]
        for name in registry.kinds.keys.sorted() {
            lines.append("  {\(name)}".padding(toLength: 18, withPad: " ", startingAt: 0) + registry.kinds[name]!.summary)
        }
        lines += ["", "Prose: {{ name.field | format }} quotes a value (formats: \(ValueFormat.names.joined(separator: ", "))); "
                  + "@name links to a figure or table.", ""]
        return lines.joined(separator: "\n")
    }

    public static func text(for type: any Directive.Type) -> String {
        var lines = ["{\(type.kind)} — \(type.summary)", "  shows: \(type.shows.description)", "  options:"]
        for spec in type.schema {
            let requirement = spec.isRequired ? "required" : spec.defaultText.map { "default \($0 == "''" ? "empty" : $0)" } ?? "optional"
            lines.append("    \(spec.name): \(spec.type.description) (\(requirement))")
            lines.append("        \(spec.summary)")
        }
        if !type.fieldDocs.isEmpty {
            lines.append("  inline values ({{ name.FIELD }}):")
            for field in type.fieldDocs {
                lines.append("    \(field.name): \(field.kind.description) — \(field.summary)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
