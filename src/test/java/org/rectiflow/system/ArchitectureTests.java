package org.rectiflow.system;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering the style guide asks for, kept by the build rather than by review. */
@AnalyzeClasses(packages = "org.rectiflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * One adapter per process talks to the engine; the demo loader acts as people do in Tasklist, the filters are
	 * Tasklist's own configuration, and the work queue only reads a person's tasks across processes, as Tasklist does.
	 */
	@ArchTest
	static final ArchRule onlyAdaptersDriveTheEngine = noClasses().that()
		.haveSimpleNameNotEndingWith("ProcessAdapter")
		.and()
		.doNotHaveSimpleName("DemoDataLoader")
		.and()
		.doNotHaveSimpleName("TasklistFilters")
		.and()
		.doNotHaveSimpleName("WorkQueue")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(RuntimeService.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(TaskService.class);

	/** Delegates and listeners are thin: they call feature services, never repositories. */
	@ArchTest
	static final ArchRule delegatesCallServices = noClasses().that()
		.haveSimpleNameEndingWith("Delegate")
		.or()
		.haveSimpleNameEndingWith("Listener")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository");

	/**
	 * Repository queries are JPQL strings. Spring Data builds a query derived from a method's name with the criteria
	 * API, and Hibernate 6 translates a criteria query anew on every call, where it keeps a JPQL string translated:
	 * profiled on the benchmark's steps, a derived count spent half its time being translated and a fourteenth at the
	 * database (docs/PERFORMANCE.md).
	 */
	@ArchTest
	static final ArchRule repositoryQueriesAreJpqlStrings = methods().that()
		.areDeclaredInClassesThat()
		.areAssignableTo(Repository.class)
		.and()
		.haveNameMatching("(find|read|get|query|search|stream|count|exists|delete|remove)\\w*By\\w*")
		.should()
		.beAnnotatedWith(Query.class)
		.allowEmptyShould(false);

	/**
	 * The feature packages depend on each other one way: a newcomer can read them from the bottom (system, engine)
	 * up, and a change in one cannot come back round to it (docs/ARCHITECTURE.md).
	 */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("org.rectiflow.(*)..").should().beFreeOfCycles();

	/**
	 * What we do to the engine's internals lives in one package, the one an engine upgrade re-checks
	 * (docs/ENGINE.md); features use the engine's public API, or the engine package's own.
	 */
	@ArchTest
	static final ArchRule engineInternalsOnlyInTheEnginePackage = noClasses().that()
		.resideOutsideOfPackage("org.rectiflow.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.camunda.bpm.engine.impl..");

}
