package org.rehabplan.ical;

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
    rule.check(exporter);
  }
}
