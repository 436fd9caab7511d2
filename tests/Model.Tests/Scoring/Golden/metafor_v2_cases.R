#!/usr/bin/env Rscript
# Golden reference values for Preventiemonitor scoring method v2
# (shared/spec/methode-v2.md, sections 8 and 9), produced with R's metafor.
#
# Regenerate (from this directory):   Rscript metafor_v2_cases.R
# Output: metafor_v2_cases.json. Dependencies: base R + metafor only (JSON written by hand, 17 digits).

suppressPackageStartupMessages(library(metafor))

TOL      <- 1e-12
Z_METHOD <- 1.959964

agree <- function(a, b, what) {
  if (!isTRUE(all(abs(a - b) <= TOL)))
    stop(sprintf("%s: metafor %.17g vs direct %.17g (diff %.3g)", what, a, b, a - b))
  invisible(TRUE)
}

J_exact <- function(n) { m <- n - 1; exp(lgamma(m / 2) - 0.5 * log(m / 2) - lgamma((m - 1) / 2)) }

# ---------------------------------------------------------------------------
# §8.1: one instrument effect with escalc(SMCC) on two moments a -> b (sign-adjusted scores)
# ---------------------------------------------------------------------------
smcc <- function(xa, xb, s) {
  x1 <- s * xb; x0 <- s * xa; n <- length(xa)
  es <- escalc(measure = "SMCC", m1i = mean(x1), m2i = mean(x0), sd1i = sd(x1), sd2i = sd(x0),
               ri = cor(x1, x0), ni = n)
  yi <- as.numeric(es$yi); vi <- as.numeric(es$vi)
  d <- s * (xb - xa)
  g_direct <- J_exact(n) * mean(d) / sd(d)
  agree(yi, g_direct, "SMCC g"); agree(vi, 1 / n + g_direct^2 / (2 * n), "SMCC var")
  se <- sqrt(vi)
  list(mean = mean(d), sd = sd(d), g = yi, var = vi, se = se,
       ci_low = yi - Z_METHOD * se, ci_high = yi + Z_METHOD * se)
}

durability_case <- function(t0, t1, t2, days, richting) {
  s <- if (richting == "hoger_beter") 1 else -1
  e01 <- smcc(t0, t1, s); e02 <- smcc(t0, t2, s); e12 <- smcc(t1, t2, s)
  behoud <- if (e01$ci_low > 0) 100 * mean(s * (t2 - t0)) / mean(s * (t1 - t0)) else NA
  list(t0 = I(t0), t1 = I(t1), t2 = I(t2), dagen = I(days), richting = richting, n = length(t0),
       t1_effect = e01, t2_effect = e02, terugval_effect = e12,
       behoud_pct = behoud, follow_up_dagen = median(days),
       metafor_call = "escalc(measure='SMCC', m1i=mean(s*Tb), m2i=mean(s*Ta), sd1i=sd(s*Tb), sd2i=sd(s*Ta), ri=cor(Tb,Ta), ni=n) for (a,b) = (T0,T1), (T0,T2), (T1,T2)")
}

# A programme whose effect lasts (hoger_beter, 12 triples, an even count of follow-up days)
dur_a <- durability_case(
  t0 = c(3, 5, 4, 6, 2, 7, 5, 4, 6, 3, 5, 4),
  t1 = c(5, 6, 4, 8, 4, 7, 7, 5, 6, 6, 6, 5),
  t2 = c(4, 6, 5, 7, 4, 8, 6, 5, 6, 5, 7, 5),
  days = c(180, 175, 190, 182, 181, 200, 179, 185, 183, 177, 188, 181), "hoger_beter")
# A programme with relapse (lager_beter, 11 triples, an odd count; one T2 dated before its T1)
dur_b <- durability_case(
  t0 = c(7, 6, 8, 5, 9, 6, 7, 8, 4, 6, 7),
  t1 = c(5, 6, 6, 5, 6, 4, 7, 5, 5, 4, 6),
  t2 = c(7, 6, 8, 5, 8, 6, 7, 7, 5, 6, 7),
  days = c(90, 120, -3, 95, 100, 0, 110, 92, 97, 101, 99), "lager_beter")
stopifnot(dur_a$t2_effect$ci_low > 0, dur_b$terugval_effect$ci_high < 0)

# ---------------------------------------------------------------------------
# Pools: FE (§8.2 over instruments), DL with sei (§8.3 and §9 over programmes)
# ---------------------------------------------------------------------------
pool <- function(g, v, method) {
  fit <- rma(yi = g, vi = v, method = method)
  est <- as.numeric(fit$b); se <- as.numeric(fit$se)
  w <- 1 / v; fe <- sum(w * g) / sum(w); Q <- sum(w * (g - fe)^2)
  tau2 <- if (method == "FE" || length(g) == 1) 0 else max(0, (Q - (length(g) - 1)) / (sum(w) - sum(w^2) / sum(w)))
  ws <- 1 / (v + tau2)
  agree(est, sum(ws * g) / sum(ws), paste(method, "estimate")); agree(se, sqrt(1 / sum(ws)), paste(method, "se"))
  agree(as.numeric(fit$tau2), tau2, paste(method, "tau2"))
  list(g = I(g), v = I(v), method = method, estimate = est, se = se, tau2 = as.numeric(fit$tau2),
       Q = as.numeric(fit$QE), k = fit$k, ci_low = est - Z_METHOD * se, ci_high = est + Z_METHOD * se,
       metafor_call = sprintf("rma(yi, vi, method='%s')", method))
}

fe_t2       <- pool(c(dur_a$t2_effect$g, dur_b$t2_effect$g), c(dur_a$t2_effect$var, dur_b$t2_effect$var), "FE")
fe_terugval <- pool(c(dur_a$terugval_effect$g, dur_b$terugval_effect$g), c(dur_a$terugval_effect$var, dur_b$terugval_effect$var), "FE")
# Programmes' g_t2_pt with v = se^2 (DL); the first is fe_t2's pool
dl_t2       <- pool(c(fe_t2$estimate, 0.05, 0.90), c(fe_t2$se^2, 0.04, 0.05), "DL")
dl_single   <- pool(c(0.37), c(0.045), "DL")     # k = 1: tau2 = 0, the programme's own effect
stopifnot(dl_t2$tau2 > 0, dl_single$tau2 == 0)

# ---------------------------------------------------------------------------
# §9: group pools (DL over programmes' g_ptv) and the test for subgroup differences
# ---------------------------------------------------------------------------
groups <- list(
  "4-11"  = list(g = c(0.20, 0.35, 0.80), v = c(0.030, 0.025, 0.040)),
  "12-17" = list(g = c(0.55, 0.60),       v = c(0.020, 0.050)),
  "18-23" = list(g = c(0.05),             v = c(0.060)))
group_pools <- lapply(groups, function(x) pool(x$g, x$v, "DL"))
g_v  <- vapply(group_pools, function(p) p$estimate, numeric(1))
se_v <- vapply(group_pools, function(p) p$se, numeric(1))
test <- rma(yi = g_v, sei = se_v, method = "FE")
w <- 1 / se_v^2; gbar <- sum(w * g_v) / sum(w); q_direct <- sum(w * (g_v - gbar)^2)
agree(as.numeric(test$QE), q_direct, "QE")
agree(as.numeric(test$QEp), pchisq(q_direct, df = length(g_v) - 1, lower.tail = FALSE), "QEp")
subgroup <- list(groups = group_pools, g_v = I(g_v), se_v = I(se_v), q_tussen = as.numeric(test$QE),
                 df = length(g_v) - 1, p_verschil = as.numeric(test$QEp),
                 metafor_call = "rma(yi = g_v, sei = se_v, method = 'FE'): QE, QEp")

# A large Q for a p-value far in the tail (no 1 - CDF cancellation allowed)
tail_test <- rma(yi = c(-1.0, 1.5), sei = c(0.1, 0.1), method = "FE")
subgroup_tail <- list(g_v = I(c(-1.0, 1.5)), se_v = I(c(0.1, 0.1)), q_tussen = as.numeric(tail_test$QE), df = 1,
                      p_verschil = as.numeric(tail_test$QEp))

# ---------------------------------------------------------------------------
# Hand-written JSON (17 significant digits; NA -> null)
# ---------------------------------------------------------------------------
jnum <- function(x) {
  if (is.na(x)) return("null")
  stopifnot(is.finite(x)); x <- x + 0
  if (x == round(x) && abs(x) < 1e15) sprintf("%.0f", x) else sprintf("%.17g", x)
}
jstr <- function(x) paste0("\"", gsub("\"", "\\\\\"", x), "\"")
to_json <- function(x, indent = 0) {
  pad <- strrep("  ", indent + 1); pad0 <- strrep("  ", indent)
  if (is.list(x)) {
    items <- vapply(names(x), function(nm) paste0(pad, jstr(nm), ": ", to_json(x[[nm]], indent + 1)), character(1))
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", pad0, "}"))
  }
  if (inherits(x, "AsIs")) return(paste0("[", paste(vapply(unclass(x), jnum, character(1)), collapse = ", "), "]"))
  if (is.character(x)) { stopifnot(length(x) == 1); return(jstr(x)) }
  if (is.numeric(x) || is.logical(x)) { stopifnot(length(x) == 1); return(jnum(as.numeric(x))) }
  stop("unsupported type")
}

doc <- list(
  metafor_version = as.character(packageVersion("metafor")),
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  z_method = Z_METHOD,
  cases = list(durability_lasting = dur_a, durability_relapse = dur_b, fe_t2 = fe_t2, fe_terugval = fe_terugval,
               dl_t2 = dl_t2, dl_single = dl_single, subgroup = subgroup, subgroup_tail = subgroup_tail))
writeLines(to_json(doc), "metafor_v2_cases.json")
cat("wrote metafor_v2_cases.json; all metafor/direct checks passed (tol", TOL, ")\n")
