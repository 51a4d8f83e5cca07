/**
 * rehabplan core: the immutable protocol model, the deterministic scheduler and the built-in
 * protocols.
 */
module org.rehabplan.core {
  requires com.google.common;
  requires static transitive org.jspecify;

  exports org.rehabplan;
  exports org.rehabplan.rules;
}
