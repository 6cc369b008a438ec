package dev.jsock.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Installs Ansible's filters and tests into a Jinjava context, and makes Jinjava's remaining filters strict. */
final class AnsibleExtensions {
    private AnsibleExtensions() {
    }

    static void register(Context context) {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.addAll(StringFilters.all());
        filters.addAll(CollectionFilters.all());
        filters.addAll(Selection.all());
        filters.addAll(PyJson.filters());
        filters.addAll(PyYaml.filters());
        filters.addAll(DataFilters.all());
        filters.addAll(Jinja3Filters.all());
        Set<String> ours = new HashSet<>();
        for (AnsibleFilter f : filters) {
            ours.add(f.getName());
        }
        for (Filter existing : new ArrayList<>(context.getAllFilters())) {
            if (!ours.contains(existing.getName())) {
                context.registerFilter(AnsibleFilter.strict(existing));
            }
        }
        filters.forEach(context::registerFilter);
        context.registerFilter(new LoopIf());
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "jsock_dict", DictLiteral.class, "of", Object[].class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "dict", DictLiteral.class, "dict", Object[].class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "range", PyRange.class, "range", Object[].class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "jsock_slice", PySlice.class, "slice",
                Object.class, Object.class, Object.class, Object.class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "lookup", LookupFunctions.class, "lookup", Object[].class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "query", LookupFunctions.class, "query", Object[].class));
        context.registerFunction(new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "q", LookupFunctions.class, "query", Object[].class));
        AnsibleTests.all().forEach(context::registerExpTest);
    }
}
