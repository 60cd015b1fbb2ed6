import { describe, expect, it } from "vitest";
import { maskNhsNumber, modulus11CheckDigit, normaliseNhsNumber } from "../../src/pseudonymise/nhs-number.js";

// Check digits worked by hand from the Modulus 11 rule (weights 10..2; 11 − sum mod 11; 11 → 0; 10 → none):
//   943476591: 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 → 9434765919
//   401023213: 4·10+0+1·8+0+2·6+3·5+2·4+1·3+3·2 = 92;  92 mod 11 = 4;  11 − 4 = 7 → 4010232137
//   943476590: 299 − 1·2 = 297; 297 mod 11 = 0; 11 − 0 = 11 → 0      → 9434765900
//   123456789: 10+18+24+28+30+30+28+24+18 = 210; 210 mod 11 = 1; 11 − 1 = 10 → no valid number

describe("Modulus 11 check digit", () => {
  it("gives the check digit of the first nine digits", () => {
    expect(modulus11CheckDigit("943476591")).toBe(9);
    expect(modulus11CheckDigit("401023213")).toBe(7);
  });

  it("turns 11 into 0", () => {
    expect(modulus11CheckDigit("943476590")).toBe(0);
  });

  it("has no check digit where the rule gives 10", () => {
    expect(modulus11CheckDigit("123456789")).toBeUndefined();
  });

  it("accepts numbers whose last digit is the check digit", () => {
    for (const number of ["9434765919", "4010232137", "9434765900"]) {
      expect(normaliseNhsNumber(number)).toEqual({ valid: true, digits: number });
    }
  });

  it("refuses a wrong check digit, and every number whose check digit would be 10", () => {
    expect(normaliseNhsNumber("9434765918")).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    expect(normaliseNhsNumber("9434765910")).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    for (let last = 0; last <= 9; last++) {
      expect(normaliseNhsNumber(`123456789${last}`)).toEqual({ valid: false, fault: "nhs_number_check_digit" });
    }
  });
});

describe("normalisation", () => {
  it("removes surrounding white space, inner spaces and hyphens", () => {
    for (const written of ["943 476 5919", "943-476-5919", "  9434765919\t", "943 - 476 - 5919", "9 4 3 4 7 6 5 9 1 9"]) {
      expect(normaliseNhsNumber(written)).toEqual({ valid: true, digits: "9434765919" });
    }
  });

  it("calls an empty value missing", () => {
    expect(normaliseNhsNumber("")).toEqual({ valid: false, fault: "missing_nhs_number" });
    expect(normaliseNhsNumber("  - ")).toEqual({ valid: false, fault: "missing_nhs_number" });
  });

  it("refuses anything but ASCII digits, spaces and hyphens", () => {
    for (const written of ["943476591X", "9434765919.0", "9.434766E+09", "943/476/5919", "N/A", "９４３４７６５９１９"]) {
      expect(normaliseNhsNumber(written)).toEqual({ valid: false, fault: "nhs_number_not_digits" });
    }
  });

  it("wants exactly ten digits (a spreadsheet that dropped a leading zero gives nine)", () => {
    expect(normaliseNhsNumber("943476591")).toEqual({ valid: false, fault: "nhs_number_length" });
    expect(normaliseNhsNumber("94347659199")).toEqual({ valid: false, fault: "nhs_number_length" });
  });
});

describe("masking a value from the NHS number column", () => {
  it("shows at most the last two characters of anything holding a digit", () => {
    expect(maskNhsNumber("9434765918")).toBe("********18");
    expect(maskNhsNumber("943 476 591")).toBe("*********91");
    expect(maskNhsNumber("94347659x")).toBe("*******9x");
    expect(maskNhsNumber("12")).toBe("**");
  });

  it("shows a value without digits whole, since it identifies nobody", () => {
    expect(maskNhsNumber("N/A")).toBe("N/A");
    expect(maskNhsNumber("unknown")).toBe("unknown");
  });
});
