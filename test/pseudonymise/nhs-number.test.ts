import { describe, expect, it } from "vitest";
import { maskNhsNumber, modulus11CheckDigit, normaliseNhsNumber } from "../../src/pseudonymise/nhs-number.js";

// Check digits worked by hand from the Modulus 11 rule (weights 10..2; 11 − sum mod 11; 11 → 0; 10 → none):
// (999 numbers: NHS England never issues them, they are for testing)
//   999234567: 9·10+9·9+9·8+2·7+3·6+4·5+5·4+6·3+7·2 = 347; 347 mod 11 = 6; 11 − 6 = 5 → 9992345675
//   999012345: 9·10+9·9+9·8+0+1·6+2·5+3·4+4·3+5·2 = 293; 293 mod 11 = 7; 11 − 7 = 4 → 9990123454
//   999345678: 9·10+9·9+9·8+3·7+4·6+5·5+6·4+7·3+8·2 = 374; 374 mod 11 = 0; 11 − 0 = 11 → 0 → 9993456780
//   123456789: 10+18+24+28+30+30+28+24+18 = 210; 210 mod 11 = 1; 11 − 1 = 10 → no valid number

describe("Modulus 11 check digit", () => {
  it("gives the check digit of the first nine digits", () => {
    expect(modulus11CheckDigit("999234567")).toBe(5);
    expect(modulus11CheckDigit("999012345")).toBe(4);
  });

  it("turns 11 into 0", () => {
    expect(modulus11CheckDigit("999345678")).toBe(0);
  });

  it("has no check digit where the rule gives 10", () => {
    expect(modulus11CheckDigit("123456789")).toBeUndefined();
  });

  it("accepts numbers whose last digit is the check digit", () => {
    for (const number of ["9992345675", "9990123454", "9993456780"]) {
      expect(normaliseNhsNumber(number)).toEqual({ valid: true, digits: number });
    }
  });

  it("refuses a wrong check digit, and every number whose check digit would be 10", () => {
    expect(normaliseNhsNumber("9992345674")).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    expect(normaliseNhsNumber("9992345670")).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    for (let last = 0; last <= 9; last++) {
      expect(normaliseNhsNumber(`123456789${last}`)).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    }
  });
});

describe("normalisation", () => {
  it("removes surrounding white space, inner spaces and hyphens", () => {
    for (const written of ["999 234 5675", "999-234-5675", "  9992345675\t", "999 - 234 - 5675", "9 9 9 2 3 4 5 6 7 5"]) {
      expect(normaliseNhsNumber(written)).toEqual({ valid: true, digits: "9992345675" });
    }
  });

  it("calls an empty value missing", () => {
    expect(normaliseNhsNumber("")).toEqual({ valid: false, fault: "missing_nhs_number" });
    expect(normaliseNhsNumber("  - ")).toEqual({ valid: false, fault: "missing_nhs_number" });
  });

  it("refuses anything but ASCII digits, spaces and hyphens", () => {
    for (const written of ["999234567X", "9992345675.0", "9.992346E+09", "999/234/5675", "N/A", "９９９２３４５６７５"]) {
      expect(normaliseNhsNumber(written)).toEqual({ valid: false, fault: "nhs_number_not_digits" });
    }
  });

  it("wants exactly ten digits (a spreadsheet that dropped a leading zero gives nine)", () => {
    expect(normaliseNhsNumber("999234567")).toEqual({ valid: false, fault: "nhs_number_length" });
    expect(normaliseNhsNumber("99923456759")).toEqual({ valid: false, fault: "nhs_number_length" });
  });
});

describe("masking a value from the NHS number column", () => {
  it("shows at most the last two characters of anything holding a digit", () => {
    expect(maskNhsNumber("9992345674")).toBe("********74");
    expect(maskNhsNumber("999 234 567")).toBe("*********67");
    expect(maskNhsNumber("99923456x")).toBe("*******6x");
    expect(maskNhsNumber("12")).toBe("**");
  });

  it("shows a value without digits whole, since it identifies nobody", () => {
    expect(maskNhsNumber("N/A")).toBe("N/A");
    expect(maskNhsNumber("unknown")).toBe("unknown");
  });
});
