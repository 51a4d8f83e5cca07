/**
 * rehabplan core: the immutable protocol model, the deterministic scheduler, the built-in
 * protocols, schedule rules, and jqwik generators for property-testing them.
 */
module org.rehabplan.core {
  requires com.google.common;
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;
  // Only org.rehabplan.testing needs jqwik; users who use it bring their own jqwik.
  requires static net.jqwik.api;

  exports org.rehabplan;
  exports org.rehabplan.json;
  exports org.rehabplan.rules;
  exports org.rehabplan.testing;

  // No "provides net.jqwik.api.providers.ArbitraryProvider" here: with jqwik optional, that clause
  // makes the boot layer fail for every module-path user without jqwik ("does not read a module
  // that exports net.jqwik.api.providers"). The provider is registered in META-INF/services, which
  // jqwik finds on the class path, where tests run.
}
