package io.paig.sample.web;

import io.paig.sample.persistence.CommaSeparatedListConverter;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns what the database refuses into problem details: a broken unique or foreign key is
 * a 409 naming the constraint, a value a column cannot take is a 400.
 *
 * @author paig-db authors
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The database refused the change: " + ex.getMostSpecificCause().getMessage()
						+ ". Check that names are unique and that referred rows exist.");
	}

	@ExceptionHandler
	ProblemDetail badValue(CommaSeparatedListConverter.CommaInValueException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
