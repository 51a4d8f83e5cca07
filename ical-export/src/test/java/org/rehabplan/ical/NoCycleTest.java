package org.rehabplan.ical;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

/**
 * ical-export's dependencies run one way: no cycle between its top-level classes (a nested class
 * counts as part of its top-level class). Reads the compiled classes. The core cannot close a
 * cycle with ical-export, since it does not depend on it.
 */
class NoCycleTest {

  /** Each top-level class, with its nested and anonymous classes, is one slice. */
  private static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getName();
      int nested = name.indexOf('$');
      return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
    }

    @Override
    public String getDescription() {
      return "top-level classes";
    }
  };

  @Test
  void noCycleBetweenTopLevelClassesOfTheExporter() {
    JavaClasses exporter = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.rehabplan.ical");
    SliceRule rule = slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles();
    // TEMPORARY ALLOWANCE, issue 10 part 6 (branch `ical`): the exporter's known cycle
    // IcalExporter <-> CalendarAssembler (the assembler calls back the exporter for its options),
    // closed also through CalendarUpdate (the .ics reader uses the assembler's PRODID and item
    // property) and Texts (reads IcalExporter.MAX_NAME_LENGTH). Part 6 gives the assembler an
    // options value and the reader and UIDs classes of their own; remove these lines when it lands.
    rule = rule
        .ignoreDependency(topLevel("CalendarAssembler"), topLevel("IcalExporter"))
        .ignoreDependency(topLevel("CalendarUpdate"), topLevel("CalendarAssembler"))
        .ignoreDependency(topLevel("Texts"), topLevel("IcalExporter"));
    rule.check(exporter);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> topLevel(String name) {
    String top = "org.rehabplan.ical." + name;
    return describe(top, c -> c.getName().equals(top) || c.getName().startsWith(top + "$"));
  }
}
