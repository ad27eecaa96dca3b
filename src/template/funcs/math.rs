//! sprig integer maths (`int64` results via `cast.ToInt64`) and float rounding.

use super::{FnResult, FuncDef, failed, int_arg, to_float64, to_int64};
use crate::template::value::{Value, View, int64, view};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("add1", 1, |a| Ok(int64(to_int64(&a[0]).wrapping_add(1)))),
    super::v("add", 0, |a| {
        Ok(int64(a.iter().map(to_int64).fold(0i64, i64::wrapping_add)))
    }),
    super::f("sub", 2, |a| {
        Ok(int64(to_int64(&a[0]).wrapping_sub(to_int64(&a[1]))))
    }),
    super::f("div", 2, div),
    super::f("mod", 2, modulo),
    super::v("mul", 1, |a| {
        Ok(int64(a.iter().map(to_int64).fold(1i64, i64::wrapping_mul)))
    }),
    super::v("max", 1, |a| {
        Ok(int64(a.iter().map(to_int64).max().unwrap_or(0)))
    }),
    super::v("biggest", 1, |a| {
        Ok(int64(a.iter().map(to_int64).max().unwrap_or(0)))
    }),
    super::v("min", 1, |a| {
        Ok(int64(a.iter().map(to_int64).min().unwrap_or(0)))
    }),
    super::f("ceil", 1, |a| Ok(Value::from(to_float64(&a[0]).ceil()))),
    super::f("floor", 1, |a| Ok(Value::from(to_float64(&a[0]).floor()))),
    super::v("round", 2, round),
];

fn div(a: &[Value]) -> FnResult {
    let d = to_int64(&a[1]);
    if d == 0 {
        return Err(failed("runtime error: integer divide by zero"));
    }
    Ok(int64(to_int64(&a[0]).wrapping_div(d)))
}

fn modulo(a: &[Value]) -> FnResult {
    let d = to_int64(&a[1]);
    if d == 0 {
        return Err(failed("runtime error: integer divide by zero"));
    }
    Ok(int64(to_int64(&a[0]).wrapping_rem(d)))
}

/// sprig's `round(value, places, [roundOn=.5])`.
fn round(a: &[Value]) -> FnResult {
    if a.len() > 3 {
        return Err(failed(format!(
            "wrong number of args for round: want at most 3 got {}",
            a.len()
        )));
    }
    let places = int_arg(a, 1)?;
    let round_on = match a.get(2).map(view) {
        Some(View::Float(f)) => f,
        Some(View::Int(i)) => i as f64,
        Some(_) => return Err(super::wrong_type(2, "float64", &a[2])),
        None => 0.5,
    };
    let val = to_float64(&a[0]);
    let pow = 10f64.powf(places as f64);
    let digit = pow * val;
    let frac = digit.fract();
    let r = if frac >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::from(r / pow))
}
