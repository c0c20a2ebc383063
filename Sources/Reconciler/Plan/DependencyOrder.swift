/// Topological order of the configured nodes (parents first, ties by key), or the cycle that prevents one.
enum DependencyOrder {
    static func sorted(_ nodes: [DesiredNode]) -> Result<[DesiredNode], PlanningError> {
        let byKey = Dictionary(uniqueKeysWithValues: nodes.map { ($0.key.stateKey, $0) })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var order: [DesiredNode] = []
        var path: [(key: String, label: String)] = []
        var cycle: PlanningError?

        func visit(_ key: String, via label: String) {
            guard cycle == nil, let node = byKey[key], state[key] != 2 else { return }
            if state[key] == 1 {
                let start = path.firstIndex { $0.key == key } ?? 0
                let members = Array(path[start...]) + [(key, label)]
                var words: [String] = []
                for index in 0..<(members.count - 1) {
                    let from = shown(members[index].key), to = members[index + 1]
                    words.append((index == 0 ? "\(from) " : "which ") + "refers to \(shown(to.key)) via \(to.label)")
                }
                cycle = PlanningError(key: key, message: "cycle detected: " + words.joined(separator: " "))
                return
            }
            state[key] = 1
            path.append((key, label))
            for edge in node.dependsOn.sorted(by: { $0.node < $1.node }) { visit(edge.node, via: edge.label) }
            path.removeLast()
            state[key] = 2
            order.append(node)
        }
        func shown(_ key: String) -> String { NodeKey(stateKey: key)?.planLabel ?? key }
        for node in nodes.sorted(by: { $0.key < $1.key }) { visit(node.key.stateKey, via: "") }
        if let cycle { return .failure(cycle) }
        return .success(order)
    }
}
