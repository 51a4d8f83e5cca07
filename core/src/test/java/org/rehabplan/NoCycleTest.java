package org.rehabplan;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The core's dependencies run one way: no cycle between top-level classes (a nested class counts
 * as part of its top-level class), in any of its packages. Reads the compiled classes.
 */
class NoCycleTest {

  /** Each top-level class, with its nested and anonymous classes, is one slice. */
  static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
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
  void noCycleBetweenTopLevelClassesOfTheCore() {
    JavaClasses core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.rehabplan");
    slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles().check(core);
  }
}
