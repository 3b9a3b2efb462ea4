package se.samplan.server.identifier;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;

import java.util.function.BiConsumer;

/** Walks a resource's elements, giving each one of a type with its FHIRPath ({@code Patient.identifier[0]}). */
final class ElementPaths {

	private ElementPaths() {}

	static <T extends Base> void forEach(Base resource, Class<T> type, BiConsumer<T, String> action) {
		walk(resource, resource.fhirType(), type, action);
	}

	private static <T extends Base> void walk(Base element, String path, Class<T> type, BiConsumer<T, String> action) {
		if (type.isInstance(element)) {
			action.accept(type.cast(element), path);
		}
		for (Property p : element.children()) {
			if (!p.hasValues()) {
				continue;
			}
			String name = p.getName().replace("[x]", "");
			boolean repeats = p.getMaxCardinality() > 1;
			for (int i = 0; i < p.getValues().size(); i++) {
				walk(p.getValues().get(i), path + "." + name + (repeats ? "[" + i + "]" : ""), type, action);
			}
		}
	}
}
