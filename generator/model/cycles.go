package model

// breakCycles holds a struct field, or a union's variant, through a pointer
// where its type contains the struct or union itself by value (directly or
// through other structs and unions), which Go could not lay out: A: oneOf
// [B, X] with B: oneOf [A, Y]. Slices and maps already indirect.
func (b *builder) breakCycles() {
	for _, t := range b.api.Types {
		switch t.Kind {
		case Struct:
			for _, f := range t.Fields {
				if f.Type.Kind == RefNamed && reaches(f.Type.Named, t, map[*Type]bool{}) {
					f.Wrap = WrapPointer
				}
			}
		case Union:
			for _, v := range t.Variants {
				if v.Type.Kind == RefNamed && reaches(v.Type.Named, t, map[*Type]bool{}) {
					v.Indirect = true
				}
			}
		}
	}
}

// reaches reports whether from holds target by value.
func reaches(from, target *Type, seen map[*Type]bool) bool {
	if from == target {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	switch from.Kind {
	case Struct:
		for _, f := range from.Fields {
			if f.Wrap != WrapPointer && f.Type.Kind == RefNamed && reaches(f.Type.Named, target, seen) {
				return true
			}
		}
	case Union:
		for _, v := range from.Variants {
			if !v.Indirect && v.Type.Kind == RefNamed && reaches(v.Type.Named, target, seen) {
				return true
			}
		}
	case Alias:
		if from.Elem.Kind == RefNamed {
			return reaches(from.Elem.Named, target, seen)
		}
	}
	return false
}

// markRecursive sets Type.Recursive on every type that refers back to
// itself, directly or through other types: the members of each strongly
// connected component of the reference graph that has a cycle (Tarjan's
// algorithm, linear in the types and references).
func markRecursive(types []*Type) {
	index := map[*Type]int{}
	low := map[*Type]int{}
	onStack := map[*Type]bool{}
	var stack []*Type
	var visit func(t *Type)
	visit = func(t *Type) {
		index[t], low[t] = len(index), len(index)
		stack = append(stack, t)
		onStack[t] = true
		self := false
		for _, u := range referenced(t) {
			if u == t {
				self = true
			}
			if _, seen := index[u]; !seen {
				visit(u)
				low[t] = min(low[t], low[u])
			} else if onStack[u] {
				low[t] = min(low[t], index[u])
			}
		}
		if low[t] != index[t] {
			return
		}
		i := len(stack) - 1
		for stack[i] != t {
			i--
		}
		component := stack[i:]
		stack = stack[:i]
		for _, u := range component {
			onStack[u] = false
			u.Recursive = len(component) > 1 || self
		}
	}
	for _, t := range types {
		if _, seen := index[t]; !seen {
			visit(t)
		}
	}
}

// referenced lists the named types that t's declaration spells: its
// fields', items', values' and variants' types, and the type an alias
// stands for.
func referenced(t *Type) []*Type {
	var out []*Type
	var add func(r *Ref)
	add = func(r *Ref) {
		for ; r != nil; r = r.Elem {
			if r.Kind == RefNamed {
				out = append(out, r.Named)
				if r.As != nil {
					out = append(out, r.As)
				}
			}
		}
	}
	for _, f := range t.Fields {
		add(f.Type)
	}
	add(t.ExtraType)
	for _, v := range t.Variants {
		add(v.Type)
	}
	add(t.Elem)
	return out
}
