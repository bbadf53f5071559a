/** Products, their categories with attribute templates, images and the product import (issue 13 point 1). */
export const products = {
  products: {
    errors: {
      notFound: 'The product was not found (it may have been deleted).',
      modelTaken: 'Model {{model}} is already in the product list. Open that product, or use another model number.',
      categoryNotFound: 'The category was not found (it may have been deleted).',
      attributeUnknown: 'This attribute is not in the category’s template (it may have been removed).',
      attributeText: '{{label}} must be text.',
      attributeNumber: '{{label}} must be a number.',
      attributeBoolean: '{{label}} must be yes or no.',
      attributeChoice: '{{label}} must be one of its choices.',
      imageNotAbsolute: 'Give the image’s full path (e.g. D:\\Photos\\BV-100.jpg): {{file}}',
      imageUnreadable: 'The image {{file}} could not be read (it may not exist).',
      imageTooLarge: 'The image {{file}} is larger than 25 MB.',
      imageNotImage: '{{file}} is not a JPEG, PNG, WebP or GIF image.',
      imageMissing: 'This image is no longer in the data folder.',
    },
    pick: {
      imageTitle: 'Choose a product image',
      imageFilter: 'Images',
      sheetTitle: 'Choose a product sheet',
      sheetFilter: 'Sheets (.xlsx, .csv)',
      imageFolderTitle: 'Choose the folder of product images',
    },
  },
} as const;
