package model

// breakCycles holds a struct field through a pointer where the field's type
// contains the struct itself by value (directly or through other structs and
// unions), which Go could not lay out. Slices and maps already indirect.
func (b *builder) breakCycles() {
	for _, t := range b.api.Types {
		if t.Kind != Struct {
			continue
		}
		for _, f := range t.Fields {
			if f.Type.Kind == RefNamed && reaches(f.Type.Named, t, map[*Type]bool{}) {
				f.Wrap = WrapPointer
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
			if v.Type.Kind == RefNamed && reaches(v.Type.Named, target, seen) {
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
