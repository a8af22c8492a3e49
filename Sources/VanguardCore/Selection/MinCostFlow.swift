/// Successive shortest paths with Dijkstra over reduced costs (Johnson potentials). Costs must be
/// non-negative as added; the graphs here are small (applicants × panel slots).
struct MinCostFlow {
    private struct Edge {
        let to: Int
        var capacity: Int
        let cost: Int
    }

    private var edges: [Edge] = []
    private var adjacency: [[Int]]

    init(nodes: Int) { adjacency = Array(repeating: [], count: nodes) }

    /// Adds an edge and its residual twin; returns the edge's index for `flow(onEdge:)`.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Int) -> Int {
        precondition(cost >= 0, "costs must be non-negative")
        adjacency[from].append(edges.count)
        edges.append(Edge(to: to, capacity: capacity, cost: cost))
        adjacency[to].append(edges.count)
        edges.append(Edge(to: from, capacity: 0, cost: -cost))
        return edges.count - 2
    }

    func flow(onEdge index: Int) -> Int { edges[index ^ 1].capacity }

    /// Sends as much flow as possible from `source` to `sink` at least cost; returns the amount.
    mutating func run(from source: Int, to sink: Int) -> Int {
        let count = adjacency.count
        var potential = Array(repeating: 0, count: count)
        var total = 0
        while true {
            var distance = Array(repeating: Int.max, count: count)
            var via = Array(repeating: -1, count: count)
            distance[source] = 0
            var queue = MinimumHeap()
            queue.push(0, source)
            while let (d, node) = queue.pop() {
                if d > distance[node] { continue }
                for index in adjacency[node] where edges[index].capacity > 0 {
                    let edge = edges[index]
                    let next = d + edge.cost + potential[node] - potential[edge.to]
                    if next < distance[edge.to] {
                        distance[edge.to] = next
                        via[edge.to] = index
                        queue.push(next, edge.to)
                    }
                }
            }
            guard distance[sink] != Int.max else { return total }
            for node in 0..<count where distance[node] != Int.max { potential[node] += distance[node] }
            var amount = Int.max
            var node = sink
            while node != source {
                amount = min(amount, edges[via[node]].capacity)
                node = edges[via[node] ^ 1].to
            }
            node = sink
            while node != source {
                edges[via[node]].capacity -= amount
                edges[via[node] ^ 1].capacity += amount
                node = edges[via[node] ^ 1].to
            }
            total += amount
        }
    }
}

/// A binary heap of (priority, node), smallest priority first.
private struct MinimumHeap {
    private var items: [(Int, Int)] = []

    mutating func push(_ priority: Int, _ node: Int) {
        items.append((priority, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].0 < items[parent].0 else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].0 < items[smallest].0 { smallest = left }
                if right < items.count, items[right].0 < items[smallest].0 { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
