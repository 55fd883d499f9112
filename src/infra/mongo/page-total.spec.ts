import { pageTotal } from './page-total';

describe('pageTotal', () => {
  const count = jest.fn(async () => 42);
  beforeEach(() => count.mockClear());

  it.each([
    [0, 20, 7, 7],
    [0, 20, 0, 0],
    [40, 20, 3, 43],
  ])('knows the total from a short page (skipped %i, limit %i, found %i): %i, without counting', async (skipped, limit, found, total) => {
    await expect(pageTotal(skipped, limit, found, count)).resolves.toBe(total);
    expect(count).not.toHaveBeenCalled();
  });

  it.each([
    [0, 20, 20],
    [40, 20, 0],
  ])('counts when the page is full or empty past the first (skipped %i, limit %i, found %i)', async (skipped, limit, found) => {
    await expect(pageTotal(skipped, limit, found, count)).resolves.toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});
