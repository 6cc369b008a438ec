package dev.jsock.model;

/**
 * The rest of a task's loop_control, as Ansible reads it: {@code index_var} names a variable
 * holding the item's index, {@code extended} adds {@code ansible_loop} (index, first, last,
 * length, previtem, nextitem, and allitems unless {@code extended_allitems} is false), and
 * {@code pause} waits that many seconds between items. Values may be templates.
 */
public record LoopExtras(String indexVar, Object extended, Object extendedAllitems, Object pause) {
    public static final LoopExtras NONE = new LoopExtras(null, null, null, null);
}
