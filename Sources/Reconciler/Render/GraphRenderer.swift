/// `reconcile graph`: the bundle's dependency graph in Graphviz DOT, edges from a resource to the resources that
/// stand on it, labelled with the reference (or the field) that makes the edge.
public enum GraphRenderer {
    /// The DOT text.
    public static func dot(_ desired: [DesiredNode], bundleName: String) -> String {
        var out = "digraph \"\(escape(bundleName))\" {\n  rankdir=LR;\n  node [shape=box];\n"
        let sorted = desired.sorted { $0.key < $1.key }
        for node in sorted { out += "  \"\(node.key.planLabel)\";\n" }
        for node in sorted {
            for edge in node.dependsOn + ImplicitEdges.edges(of: node, among: desired) {
                let parent = NodeKey(stateKey: edge.node)?.planLabel ?? edge.node
                out += "  \"\(parent)\" -> \"\(node.key.planLabel)\" [label=\"\(escape(edge.label))\"];\n"
            }
        }
        return out + "}\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    }
}
