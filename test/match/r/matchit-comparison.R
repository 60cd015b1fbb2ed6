# The expected controls of test/match/matchit.test.ts, from MatchIt (Ho, Imai, King and Stuart,
# "MatchIt: nonparametric preprocessing for parametric causal inference", J. Stat. Softw. 42(8), 2011).
#
#   Rscript test/match/r/matchit-comparison.R      # from the repository root; R 4.2.2, MatchIt 4.5.1
#
# Writes the data (population.csv, cases.csv, ae.csv beside this script), then prints each case's
# control and distance. Where MatchIt and matching.md coincide: one control per case (ratio = 1),
# no caliper, without replacement, exact on sex and five-year age band, cases taken in data order
# (prepost's order is random from --seed; the test gives the data order), ties to the lower row.
# The distance is matching.md's, computed here by hand and given to MatchIt as a matrix: MatchIt's
# own "mahalanobis" scales by the pooled within-group covariance, matching.md by the cases' alone.
# A candidate's counts are taken at the case's index date, so the matrix is built case by case.
suppressMessages(library(MatchIt))
here <- "test/match/r"
set.seed(20240518)

n <- 400
population <- data.frame(
  patient_id = sprintf("p%03d", seq_len(n)),
  sex = sample(c("F", "M"), n, replace = TRUE),
  birth_year = sample(1936:1961, n, replace = TRUE),
  ltc_count = rpois(n, 1.5)
)
# A&E attendances, 2019-07-01 to 2022-06-30: a third of people have some, about five each.
active <- sample(n, 140)
events <- do.call(rbind, lapply(active, function(p) {
  k <- 1 + rpois(1, 4)
  data.frame(patient_id = population$patient_id[p], arrival_date = as.Date("2019-07-01") + sample(0:1095, k, replace = TRUE))
}))
events <- events[order(events$patient_id, events$arrival_date), ]
# 24 cases, referred in 2021 (index dates on days 1-28, so no month end is clamped), chosen among
# the active and the old; 6 more referred people who are not cases (never controls).
cases <- data.frame(patient_id = sample(population$patient_id[c(active, which(population$birth_year < 1945))], 24))
cases$cohort <- "A"
cases$index_date <- as.Date(sprintf("2021-%02d-%02d", sample(1:11, 24, replace = TRUE), sample(1:28, 24, replace = TRUE)))
referred_not_case <- sample(setdiff(population$patient_id, cases$patient_id), 6)

write.csv(population, file.path(here, "population.csv"), row.names = FALSE, quote = FALSE)
write.csv(rbind(cases, data.frame(patient_id = referred_not_case, cohort = "not a case", index_date = as.Date(NA))),
          file.path(here, "cases.csv"), row.names = FALSE, quote = FALSE, na = "")
write.csv(events, file.path(here, "ae.csv"), row.names = FALSE, quote = FALSE)

# Calendar months (evaluation.md rule 3): no date here needs clamping, days are 1-28.
add_months <- function(d, k) {
  lt <- as.POSIXlt(d); m <- lt$year * 12 + lt$mon + k
  as.Date(sprintf("%04d-%02d-%02d", m %/% 12 + 1900, m %% 12 + 1, lt$mday))
}
counts_at <- function(id, t) {
  days <- events$arrival_date[events$patient_id == id]
  pre_start <- add_months(t, -6); prior_start <- add_months(t, -12)
  c(pre = sum(days >= pre_start & days < t), prior = sum(days >= prior_start & days < pre_start))
}
values_at <- function(ids, t) {
  rows <- population[match(ids, population$patient_id), ]
  year <- as.integer(format(t, "%Y"))
  cbind(age = year - rows$birth_year, ltc_count = rows$ltc_count, t(sapply(ids, counts_at, t = t)))
}

# The data MatchIt sees: everyone but the referred non-cases, in population order.
d <- population[!population$patient_id %in% referred_not_case, ]
rownames(d) <- NULL
d$treat <- as.integer(d$patient_id %in% cases$patient_id)
d$index_date <- cases$index_date[match(d$patient_id, cases$patient_id)]
d$band <- (2021 - d$birth_year) %/% 5
# MatchIt 4.5.1 stops ("the dims contain missing values") on an exact stratum without a treated
# unit; its people can be no one's control, so they are left out before it is called.
stratum <- paste(d$sex, d$band)
d <- d[stratum %in% stratum[d$treat == 1], ]
rownames(d) <- NULL
treated <- d$patient_id[d$treat == 1]
controls <- d$patient_id[d$treat == 0]
X1 <- do.call(rbind, lapply(treated, function(id) values_at(id, d$index_date[d$patient_id == id])))
S <- cov(X1)
D <- t(sapply(seq_along(treated), function(i) {
  t <- d$index_date[d$patient_id == treated[i]]
  mahalanobis(values_at(controls, t), X1[i, ], S)
}))
dimnames(D) <- list(rownames(d)[d$treat == 1], rownames(d)[d$treat == 0])

m <- matchit(treat ~ age, data = transform(d[, c("sex", "band", "treat")], age = 0), method = "nearest", distance = D,
             exact = ~ sex + band, m.order = "data", replace = FALSE, ratio = 1)
mm <- m$match.matrix
out <- data.frame(case = treated, control = d$patient_id[as.integer(mm[, 1])])
out$distance <- sqrt(mapply(function(i, c) if (is.na(c)) NA else D[i, match(c, controls)], seq_along(treated), out$control))

# A near tie between different values, which floating point could order either way, would make the
# comparison unfair to either side: there must be none among the distances a choice was made from.
used <- character(0)
near_ties <- 0
for (i in seq_along(treated)) {
  same <- d$sex[d$treat == 0] == d$sex[d$patient_id == treated[i]] & d$band[d$treat == 0] == d$band[d$patient_id == treated[i]]
  free <- which(same & !(controls %in% used))
  if (length(free) == 0) next
  best <- min(D[i, free])
  close <- free[abs(D[i, free] - best) < 1e-9 * max(1, best) & D[i, free] != best]
  near_ties <- near_ties + length(close)
  if (!is.na(out$control[i])) used <- c(used, out$control[i])
}
cat("covariance of the cases' values (age, ltc_count, pre, prior):\n"); print(S, digits = 17)
cat("near ties:", near_ties, "\n")
print(out, digits = 17, row.names = FALSE)
