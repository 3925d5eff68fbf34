<?php
/**
 * Usage: php check-php74.php FILE...
 *
 * The plugin promises PHP 7.4, but these machines run PHP 8.2, where `php -l` accepts PHP 8-only
 * syntax. This reads each file with PHP's own tokenizer and reports what PHP 7.4 cannot run: match,
 * nullsafe ?->, attributes, enums, readonly, named arguments, union types, constructor promotion,
 * catch without a variable, $object::class, and functions added in PHP 8. Exit 1 when it finds any.
 * It is a targeted check, not a full PHP 7.4 parser (PHPCompatibility is not installable here).
 *
 * @package CourseThreads
 */

$php8_functions = array( 'str_contains', 'str_starts_with', 'str_ends_with', 'array_is_list', 'get_debug_type', 'fdiv', 'get_resource_id', 'preg_last_error_msg' );
$php8_tokens    = array( 'T_MATCH' => 'match', 'T_NULLSAFE_OBJECT_OPERATOR' => 'nullsafe ?->', 'T_ATTRIBUTE' => 'attribute #[...]', 'T_ENUM' => 'enum', 'T_READONLY' => 'readonly' );
$found          = array();

foreach ( array_slice( $argv, 1 ) as $file ) {
	$all    = token_get_all( file_get_contents( $file ) );
	$tokens = array_values( array_filter( $all, function ( $t ) {
		return ! is_array( $t ) || ! in_array( $t[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true );
	} ) );
	$line   = function ( $i ) use ( $tokens ) {
		for ( ; $i >= 0; $i-- ) {
			if ( is_array( $tokens[ $i ] ) ) {
				return $tokens[ $i ][2];
			}
		}
		return 0;
	};
	$text   = function ( $i ) use ( $tokens ) {
		return isset( $tokens[ $i ] ) ? ( is_array( $tokens[ $i ] ) ? $tokens[ $i ][1] : $tokens[ $i ] ) : '';
	};
	$is     = function ( $i, $id ) use ( $tokens ) {
		return isset( $tokens[ $i ] ) && is_array( $tokens[ $i ] ) && $tokens[ $i ][0] === $id;
	};
	$in_signature = false;
	$depth        = 0;
	$in_default   = false;
	foreach ( $tokens as $i => $t ) {
		$report = function ( $what ) use ( $file, $line, $i, &$found ) {
			$found[] = sprintf( '%s:%d: %s is PHP 8 only', $file, $line( $i ), $what );
		};
		foreach ( $php8_tokens as $name => $what ) {
			if ( defined( $name ) && $is( $i, constant( $name ) ) ) {
				$report( $what );
			}
		}
		if ( $is( $i, T_STRING ) && ':' === $text( $i + 1 ) && in_array( $text( $i - 1 ), array( '(', ',' ), true ) ) {
			$report( 'named argument ' . $text( $i ) . ':' );
		}
		if ( $is( $i, T_STRING ) && in_array( strtolower( $text( $i ) ), $php8_functions, true ) && '(' === $text( $i + 1 ) && ! $is( $i - 1, T_FUNCTION ) ) {
			$report( $text( $i ) . '()' );
		}
		if ( $is( $i, T_VARIABLE ) && $is( $i + 1, T_DOUBLE_COLON ) && $is( $i + 2, T_CLASS ) ) {
			$report( '$object::class' );
		}
		if ( $is( $i, T_CATCH ) ) {
			for ( $j = $i + 1; isset( $tokens[ $j ] ) && ')' !== $text( $j ) && ! $is( $j, T_VARIABLE ); $j++ ) {
				continue;
			}
			if ( ! $is( $j, T_VARIABLE ) ) {
				$report( 'catch without a variable' );
			}
		}
		// Inside a function's parameter list: union types and promoted constructor parameters.
		if ( $is( $i, T_FUNCTION ) || $is( $i, T_FN ) ) {
			$in_signature = true;
			$depth        = 0;
			$in_default   = false;
			continue;
		}
		if ( ! $in_signature ) {
			continue;
		}
		if ( '(' === $t || '[' === $t ) {
			$depth++;
		} elseif ( ')' === $t || ']' === $t ) {
			$depth--;
			if ( 0 === $depth ) {
				$in_signature = false;
			}
		} elseif ( 1 === $depth && '=' === $t ) {
			$in_default = true;
		} elseif ( 1 === $depth && ',' === $t ) {
			$in_default = false;
		} elseif ( 1 === $depth && ! $in_default && '|' === $t ) {
			$report( 'union type' );
		} elseif ( 1 === $depth && ( $is( $i, T_PUBLIC ) || $is( $i, T_PROTECTED ) || $is( $i, T_PRIVATE ) ) ) {
			$report( 'constructor promotion' );
		}
	}
}

echo $found ? implode( "\n", $found ) . "\n" : "no PHP 8-only syntax found\n";
exit( $found ? 1 : 0 );
