#!/usr/bin/env Rscript
# Golden reference values for Preventiemonitor scoring method v1
# (shared/spec/methode-v1.md, sections 1, 2 and 4), produced with R's metafor.
#
# Regenerate (from this directory):   Rscript metafor_cases.R
# Output: metafor_cases.json (written next to this script / in the working dir).
# Dependencies: base R + metafor only (JSON is written by hand, 17 significant digits).

suppressPackageStartupMessages(library(metafor))

TOL  <- 1e-12        # agreement required between metafor and the direct formulas
Z_METHOD <- 1.959964 # the method's fixed 95% multiplier (metafor uses qnorm(0.975))

# ---------------------------------------------------------------------------
# Direct implementations of the method (spec §1, §2, §4)
# ---------------------------------------------------------------------------
J_exact <- function(n) {              # exact small-sample correction, m = n - 1
  m <- n - 1
  exp(lgamma(m / 2) - 0.5 * log(m / 2) - lgamma((m - 1) / 2))
}

# Independent check of J for large n via the asymptotic series
# Gamma(y + 1/2) / Gamma(y) = sqrt(y) * (1 - 1/(8y) + 1/(128y^2) + 5/(1024y^3) - 21/(32768y^4) + O(y^-5)),
# with x = m/2, y = x - 1/2:  J = Gamma(x) / (sqrt(x) Gamma(x - 1/2)) = sqrt(y/x) * series(y).
# Truncation error ~ y^-5 (about 1e-24 for n = 100000), so this is accurate to double rounding,
# whereas the lgamma difference loses ~1e-11 relative for n = 100000 (lgamma(5e4) ~ 4.9e5).
J_series <- function(n) {
  x <- (n - 1) / 2; y <- x - 0.5
  s <- 1 - 1/(8*y) + 1/(128*y^2) + 5/(1024*y^3) - 21/(32768*y^4)
  exp(0.5 * log1p(-0.5 / x) + log(s))
}

direct_paired <- function(t0, t1, s) {
  d <- s * (t1 - t0)
  n <- length(d)
  mean_d <- mean(d); sd_d <- sd(d)
  d_z <- mean_d / sd_d
  J <- J_exact(n)
  g <- J * d_z
  var_g <- 1 / n + g^2 / (2 * n)
  list(n = n, mean_d = mean_d, sd_d = sd_d, d_z = d_z, J = J, g = g, var_g = var_g, se = sqrt(var_g))
}

direct_fe <- function(g, v) {
  w <- 1 / v
  est <- sum(w * g) / sum(w)
  Q <- sum(w * (g - est)^2)
  list(estimate = est, se = sqrt(1 / sum(w)), Q = Q)
}

direct_dl <- function(g, v) {
  k <- length(g)
  w <- 1 / v
  gbar_w <- sum(w * g) / sum(w)
  Q <- sum(w * (g - gbar_w)^2)
  C <- sum(w) - sum(w^2) / sum(w)
  tau2 <- if (k == 1) 0 else max(0, (Q - (k - 1)) / C)
  ws <- 1 / (v + tau2)
  list(estimate = sum(ws * g) / sum(ws), se = sqrt(1 / sum(ws)), tau2 = tau2, Q = Q, C = C, k = k)
}

agree <- function(a, b, what) {
  if (!isTRUE(all(abs(a - b) <= TOL)))
    stop(sprintf("%s: metafor %.17g vs direct %.17g (diff %.3g)", what, a, b, a - b))
  invisible(TRUE)
}

# ---------------------------------------------------------------------------
# Instrument-level cases (§1) with metafor escalc(measure = "SMCC")
# ---------------------------------------------------------------------------
paired_case <- function(t0, t1, richting) {
  s <- if (richting == "hoger_beter") 1 else if (richting == "lager_beter") -1 else stop("richting")
  # Sign handling: the method defines d = s * (T1 - T0). metafor's SMCC uses (m1i - m2i)/sd_change,
  # so we pass the sign-adjusted scores x1 = s*T1, x0 = s*T0: m1i = mean(s*T1), m2i = mean(s*T0).
  # sd(s*x) = sd(x) and cor(s*T1, s*T0) = cor(T1, T0), so only the means change sign.
  x1 <- s * t1; x0 <- s * t0
  n <- length(t0)
  es <- escalc(measure = "SMCC",
               m1i = mean(x1), m2i = mean(x0),
               sd1i = sd(x1), sd2i = sd(x0),
               ri = cor(x1, x0), ni = n)      # default vtype = "LS"
  sm <- summary(es)                           # ci.lb/ci.ub with qnorm(0.975)
  yi <- as.numeric(es$yi); vi <- as.numeric(es$vi)
  dr <- direct_paired(t0, t1, s)
  J_mf <- metafor:::.cmicalc(n - 1)           # metafor's internal exact correction
  agree(yi, dr$g, "g"); agree(vi, dr$var_g, "var_g"); agree(J_mf, dr$J, "J")
  # metafor's own vi formula check: vi = 1/n + yi^2/(2n) with yi the corrected value
  agree(vi, 1/n + yi^2/(2*n), "vi formula")
  se <- sqrt(vi)
  list(
    t0 = I(t0), t1 = I(t1), richting = richting, s = s, n = n,
    d = I(s * (t1 - t0)),
    mean_d = dr$mean_d, sd_d = dr$sd_d, d_z = dr$d_z,
    J = dr$J, J_metafor = J_mf,
    g = yi, g_direct = dr$g,
    var_g = vi, var_g_direct = dr$var_g,
    se = se,
    ci_low = yi - Z_METHOD * se, ci_high = yi + Z_METHOD * se,
    ci_low_metafor = as.numeric(sm$ci.lb), ci_high_metafor = as.numeric(sm$ci.ub),
    metafor_call = "escalc(measure='SMCC', m1i=mean(s*T1), m2i=mean(s*T0), sd1i=sd(s*T1), sd2i=sd(s*T0), ri=cor(T1,T0), ni=n)"
  )
}

# Case paired_small: hoger_beter, 12 participants (scores 0-10)
t0_a <- c(3, 5, 4, 6, 2, 7, 5, 4, 6, 3, 5, 4)
t1_a <- c(5, 6, 4, 8, 4, 7, 7, 5, 6, 6, 6, 5)   # d = 2 1 0 2 2 0 2 1 0 3 1 1
# Case paired_lager_beter: lager_beter (e.g. a problem score), 11 participants
t0_b <- c(7, 6, 8, 5, 9, 6, 7, 8, 4, 6, 7)
t1_b <- c(5, 6, 6, 5, 6, 4, 7, 5, 5, 4, 6)      # T1-T0 = -2 0 -2 0 -3 -2 0 -3 1 -2 -1; d = -(T1-T0)

paired_small      <- paired_case(t0_a, t1_a, "hoger_beter")
paired_lager_beter <- paired_case(t0_b, t1_b, "lager_beter")
stopifnot(paired_small$g > 0, paired_lager_beter$g > 0)   # positive = improvement in both

# ---------------------------------------------------------------------------
# Pooling cases
# ---------------------------------------------------------------------------
pool_case <- function(g, v, method) {
  fit <- rma(yi = g, vi = v, method = method)
  est <- as.numeric(fit$b); se <- as.numeric(fit$se)
  if (method == "FE") {
    dr <- direct_fe(g, v); tau2_dir <- 0
  } else {
    dr <- direct_dl(g, v); tau2_dir <- dr$tau2
  }
  agree(est, dr$estimate, paste(method, "estimate"))
  agree(se, dr$se, paste(method, "se"))
  agree(as.numeric(fit$QE), dr$Q, paste(method, "Q"))
  agree(as.numeric(fit$tau2), tau2_dir, paste(method, "tau2"))
  out <- list(
    g = I(g), v = I(v), method = method,
    estimate = est, estimate_direct = dr$estimate,
    se = se, se_direct = dr$se,
    tau2 = as.numeric(fit$tau2), Q = as.numeric(fit$QE), k = fit$k,
    ci_low = est - Z_METHOD * se, ci_high = est + Z_METHOD * se,
    ci_low_metafor = as.numeric(fit$ci.lb), ci_high_metafor = as.numeric(fit$ci.ub),
    metafor_call = sprintf("rma(yi, vi, method='%s')", method)
  )
  if (method == "DL") { out$C <- dr$C; out$tau2_untruncated <- (dr$Q - (dr$k - 1)) / dr$C }
  out
}

fe_two <- pool_case(c(paired_small$g, paired_lager_beter$g),
                    c(paired_small$var_g, paired_lager_beter$var_g), "FE")
dl_three <- pool_case(c(0.10, 0.55, 0.95), c(0.020, 0.030, 0.025), "DL")
dl_two_homogeneous <- pool_case(c(0.40, 0.42), c(0.05, 0.06), "DL")
stopifnot(dl_three$tau2 > 0, dl_two_homogeneous$tau2 == 0)

# ---------------------------------------------------------------------------
# Exact J values
# ---------------------------------------------------------------------------
J_ns <- c(10, 20, 100000)
J_keys <- format(J_ns, scientific = FALSE, trim = TRUE)   # "10", "20", "100000"
J_vals <- setNames(lapply(J_ns, J_exact), J_keys)
J_series_vals <- setNames(lapply(J_ns, J_series), J_keys)
# Only n = 100000 goes to the JSON as a high-accuracy reference: for n = 10 / 20 the truncated
# series is itself off by ~1e-6 / ~3e-8, so it is used there only as a sanity check.
for (nm in names(J_vals)) agree(J_vals[[nm]], metafor:::.cmicalc(as.numeric(nm) - 1), paste("J", nm))
# lgamma route vs series: must agree to ~1e-9 (series truncation ~3e-8 at n = 20, larger at n = 10)
stopifnot(abs(J_vals[["100000"]] - J_series_vals[["100000"]]) < 1e-9,
          abs(J_vals[["20"]] - J_series_vals[["20"]]) < 1e-7)

# ---------------------------------------------------------------------------
# Hand-written JSON (17 significant digits)
# ---------------------------------------------------------------------------
jnum <- function(x) {
  stopifnot(is.finite(x))
  x <- x + 0                                       # turn -0 into 0
  if (x == round(x) && abs(x) < 1e15) sprintf("%.0f", x) else sprintf("%.17g", x)
}
jstr <- function(x) paste0("\"", gsub("\"", "\\\\\"", x), "\"")
to_json <- function(x, indent = 0) {
  pad  <- strrep("  ", indent + 1); pad0 <- strrep("  ", indent)
  if (is.list(x)) {
    items <- vapply(names(x), function(nm)
      paste0(pad, jstr(nm), ": ", to_json(x[[nm]], indent + 1)), character(1))
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", pad0, "}"))
  }
  if (inherits(x, "AsIs")) {                       # explicit array
    x <- unclass(x)
    return(paste0("[", paste(vapply(x, jnum, character(1)), collapse = ", "), "]"))
  }
  if (is.character(x)) { stopifnot(length(x) == 1); return(jstr(x)) }
  if (is.numeric(x) || is.integer(x)) { stopifnot(length(x) == 1); return(jnum(as.numeric(x))) }
  stop("unsupported type")
}

doc <- list(
  metafor_version = as.character(packageVersion("metafor")),
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  z_method = Z_METHOD,
  z_metafor = qnorm(0.975),
  cases = list(
    paired_small = paired_small,
    paired_lager_beter = paired_lager_beter,
    fe_two = fe_two,
    dl_three = dl_three,
    dl_two_homogeneous = dl_two_homogeneous,
    J = J_vals,
    J_series = J_series_vals["100000"]
  )
)
writeLines(to_json(doc), "metafor_cases.json")
cat("wrote metafor_cases.json; all metafor/direct checks passed (tol", TOL, ")\n")
