import WMLintSyntax

extension ShellScript {
    /// The plain assignments the script exports (`export NAME=value`, `declare -x NAME=value`), in scan order.
    var exports: [ShellAssignment] {
        bindings.compactMap { binding in
            guard binding.isExported, case .assignment(let value) = binding.kind else { return nil }
            return ShellAssignment(name: binding.name, value: value, range: binding.range)
        }
    }
}
