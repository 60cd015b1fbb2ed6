# The R calls behind the expected values of test/stats/wilcoxon-signed-rank.test.ts
# ("from the table of (pre, post) pairs"): Rscript test/stats/reference/wilcoxon.R
# (R 4.2.2; stats:::wilcox.test.default with the normal approximation, as statistics.md says).
options(digits = 17)
show <- function(label, post, pre) {
  stopifnot(all(pre >= 0), all(post >= 0))  # counts, as prepost's are
  w <- wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE)
  cat(label, ": n =", sum(post != pre), " V =", format(unname(w$statistic), digits = 17),
      " p-value =", sprintf("%.17g", w$p.value), " distinct (pre, post) =", nrow(unique(cbind(pre, post))), "\n")
}

show("worked example of docs/statistics.md", c(0, 1, 1, 1, 0), c(2, 1, 0, 3, 1))

i <- 0:49999
pre <- (i %% 13) * (i %% 7 == 0) + (i %% 3)
post <- ((i * 31) %% 17) %/% 5 + (i %% 11 == 0) * (i %% 9)
show("50 000 patients", post, pre)

i <- 0:299999
pre <- 5 + ((i * 13) %% 11) %/% 2
post <- pre + ((i * 7) %% 5) - 2 - (i %% 499 == 0) * (1 + i %% 3)
show("300 000 patients", post, pre)

i <- 0:9999
pre <- ifelse(i %% 50 == 0, 20 + i %% 17, i %% 2)
post <- ifelse(i %% 50 == 0, 10 + i %% 23, (i %/% 2) %% 2)
show("heavy users", post, pre)
